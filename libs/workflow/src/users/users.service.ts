import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compare, hash } from 'bcryptjs';
import { DataSource, QueryFailedError } from 'typeorm';
import type { Role } from '@app/domain';
import { UnitEntity, UserEntity } from '@app/persistence';
import { ConflictError, InvalidInputError } from '../common/errors';
import { cursorPart, decodeCursor, Page, toPage } from '../common/pagination';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unit: string | null;
  createdAt: string;
}

const BCRYPT_COST = 10;
// Compared against when the username is unknown, so a miss costs as long as a wrong password.
const DUMMY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.F1pWKDvrGuMdtIwE5HmmCDsxjM7W';

export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unit: user.unit,
    createdAt: user.createdAt.toISOString(),
  };
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(input: { username: string; password: string; displayName: string; role: Role; unit?: string }) {
    if (input.role === 'handler' && !input.unit) throw new InvalidInputError('unit', 'is required for a handler');
    if (input.unit && !(await this.dataSource.manager.existsBy(UnitEntity, { code: input.unit }))) {
      throw new InvalidInputError('unit', `"${input.unit}" does not exist`);
    }
    try {
      const repository = this.dataSource.getRepository(UserEntity);
      const user = repository.create({
        username: input.username,
        passwordHash: await hash(input.password, BCRYPT_COST),
        displayName: input.displayName,
        role: input.role,
        unit: input.unit ?? null,
      });
      await repository.insert(user);
      return toUserView(user);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw new ConflictError(`username: "${input.username}" exists already`);
      }
      throw error;
    }
  }

  async list(limit: number, cursor?: string): Promise<Page<UserView>> {
    const qb = this.dataSource.manager.createQueryBuilder(UserEntity, 'u');
    if (cursor) {
      const [createdAt, id] = decodeCursor(cursor, [cursorPart.timestamp, cursorPart.uuid]);
      qb.where('(u.created_at, u.id) > (:createdAt::timestamptz, :id::uuid)', { createdAt, id });
    }
    const rows = await qb
      .orderBy('u.created_at', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, toUserView, (row) => [row.createdAt.toISOString(), row.id]);
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.dataSource.manager.findOneBy(UserEntity, { username });
  }

  /** The user when the password matches, else null; the same work either way. */
  async verifyCredentials(username: string, password: string): Promise<UserEntity | null> {
    const user = await this.findByUsername(username);
    const matches = await compare(password, user?.passwordHash ?? DUMMY_HASH);
    return user && matches ? user : null;
  }

  /** The first admin, from ADMIN_USERNAME / ADMIN_PASSWORD, when no admin exists yet. */
  async ensureAdmin(username: string | null, password: string | null): Promise<void> {
    if (await this.dataSource.manager.existsBy(UserEntity, { role: 'admin' })) return;
    if (!username || !password) {
      this.logger.warn('no admin exists; set ADMIN_USERNAME and ADMIN_PASSWORD to create the first one');
      return;
    }
    await this.dataSource.query(
      `INSERT INTO users (username, password_hash, display_name, role) VALUES ($1, $2, $3, 'admin')
       ON CONFLICT (username) DO NOTHING`,
      [username, await hash(password, BCRYPT_COST), 'Administrator'],
    );
    this.logger.log({ username }, 'created the first admin');
  }
}
