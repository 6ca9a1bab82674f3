import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compare, hash } from 'bcryptjs';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { Role } from '@app/domain';
import { UnitEntity, UserEntity } from '@app/persistence';
import { AuditLog } from '../audit/audit-log';
import type { Actor } from '../common/actor';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors';
import { cursorPart, decodeCursor, Page, toPage } from '../common/pagination';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unit: string | null;
  email: string | null;
  phone: string | null;
  active: boolean;
  createdAt: string;
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  unit?: string | null;
  active?: boolean;
  email?: string | null;
  phone?: string | null;
}

/** What the API checks on every request: a token is good while its version is the user's and the user is active. */
export interface AccessState {
  active: boolean;
  tokenVersion: number;
}

/** The channel that tells every API process a user's access changed (payload: the username). */
export const USER_ACCESS_CHANNEL = 'user_access';

/**
 * Told in this process, once the change has committed, that a user's sessions ended: this process's cache of
 * access states forgets the user before the next request, without waiting for the NOTIFY to come round.
 */
@Injectable()
export class UserAccessChanges {
  private readonly listeners = new Set<(username: string) => void>();

  subscribe(listener: (username: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(username: string): void {
    for (const listener of this.listeners) listener(username);
  }
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
    email: user.email,
    phone: user.phone,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
  };
}

/** Passwords: at least 10 characters, and not the username. */
function checkPassword(field: string, password: string, username: string): void {
  if (password.length < 10) throw new InvalidInputError(field, 'must be at least 10 characters');
  if (password.toLowerCase() === username.toLowerCase()) throw new InvalidInputError(field, 'must not be the username');
}

/** Accounts: created, corrected and retired by an admin; each person's own password and contact details. */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly accessChanges: UserAccessChanges,
  ) {}

  /** A transaction that may end a user's sessions; this process forgets the user's access once it commits. */
  private async ending<T>(username: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(work);
    this.accessChanges.changed(username);
    return result;
  }

  async create(
    actor: Actor,
    input: {
      username: string;
      password: string;
      displayName: string;
      role: Role;
      unit?: string;
      email?: string | null;
      phone?: string | null;
    },
  ): Promise<UserView> {
    checkPassword('password', input.password, input.username);
    if (input.role === 'handler' && !input.unit) throw new InvalidInputError('unit', 'is required for a handler');
    if (input.unit) await this.assertUnit(this.dataSource.manager, input.unit);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const user = manager.create(UserEntity, {
          username: input.username,
          passwordHash: await hash(input.password, BCRYPT_COST),
          displayName: input.displayName,
          role: input.role,
          unit: input.unit ?? null,
          email: input.email ?? null,
          phone: input.phone ?? null,
          active: true,
          tokenVersion: 0,
        });
        await manager.insert(UserEntity, user);
        const view = toUserView(user);
        await this.audit.record(manager, actor, {
          action: 'user.created',
          targetType: 'user',
          targetId: user.username,
          before: null,
          after: view,
        });
        return view;
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw new ConflictError(`username: "${input.username}" exists already`);
      }
      throw error;
    }
  }

  async list(
    limit: number,
    cursor?: string,
    active?: boolean,
    filters: { role?: Role; unit?: string } = {},
  ): Promise<Page<UserView>> {
    const qb = this.dataSource.manager.createQueryBuilder(UserEntity, 'u');
    if (active !== undefined) qb.andWhere('u.active = :active', { active });
    if (filters.role) qb.andWhere('u.role = :role', { role: filters.role });
    if (filters.unit) qb.andWhere('u.unit_code = :unit', { unit: filters.unit });
    if (cursor) {
      const [createdAt, id] = decodeCursor(cursor, [cursorPart.timestamp, cursorPart.uuid]);
      qb.andWhere('(u.created_at, u.id) > (:createdAt::timestamptz, :id::uuid)', { createdAt, id });
    }
    const rows = await qb
      .orderBy('u.created_at', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, toUserView, (row) => [row.createdAt.toISOString(), row.id]);
  }

  async get(username: string): Promise<UserView> {
    return toUserView(await this.find(this.dataSource.manager, username));
  }

  /** The signed-in user as the app's header shows them: with their unit's name. */
  async profile(username: string): Promise<UserView & { unitName: string | null }> {
    const user = await this.find(this.dataSource.manager, username);
    const unit = user.unit ? await this.dataSource.manager.findOneBy(UnitEntity, { code: user.unit }) : null;
    return { ...toUserView(user), unitName: unit?.name ?? null };
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.dataSource.manager.findOneBy(UserEntity, { username });
  }

  /**
   * An admin's correction. Any change ends the user's sessions (the token version goes up), so a new role, unit or
   * a retirement applies to the very next request.
   */
  async update(actor: Actor, username: string, changes: UserChanges): Promise<UserView> {
    return this.ending(username, async (manager) => {
      const user = await this.find(manager, username, true);
      const before = toUserView(user);
      const role = changes.role ?? user.role;
      const unit = changes.unit !== undefined ? changes.unit : user.unit;
      if (role === 'handler' && !unit) throw new InvalidInputError('unit', 'is required for a handler');
      if (changes.unit) await this.assertUnit(manager, changes.unit);
      if (changes.active === false && user.role === 'admin' && actor.username === username) {
        throw new ConflictError('active: an admin may not retire their own account');
      }
      Object.assign(user, {
        ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
        ...(changes.email !== undefined ? { email: changes.email } : {}),
        ...(changes.phone !== undefined ? { phone: changes.phone } : {}),
        ...(changes.active !== undefined ? { active: changes.active } : {}),
        role,
        unit,
      });
      await this.save(manager, user, true);
      const after = toUserView(user);
      await this.audit.record(manager, actor, {
        action: 'user.updated',
        targetType: 'user',
        targetId: username,
        before,
        after,
      });
      return after;
    });
  }

  /** The admin sets a new password; the user's earlier tokens stop working. */
  async resetPassword(actor: Actor, username: string, newPassword: string): Promise<void> {
    checkPassword('newPassword', newPassword, username);
    await this.ending(username, async (manager) => {
      const user = await this.find(manager, username, true);
      user.passwordHash = await hash(newPassword, BCRYPT_COST);
      await this.save(manager, user, true);
      await this.audit.record(manager, actor, {
        action: 'user.password_reset',
        targetType: 'user',
        targetId: username,
        before: null,
        after: null,
      });
    });
  }

  /** One's own password, given the current one; the earlier tokens stop working. */
  async changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    await this.ending(actor.username, async (manager) => {
      const user = await this.find(manager, actor.username, true);
      if (!(await compare(currentPassword, user.passwordHash))) {
        throw new InvalidInputError('currentPassword', 'is not your current password');
      }
      checkPassword('newPassword', newPassword, user.username);
      if (await compare(newPassword, user.passwordHash)) {
        throw new InvalidInputError('newPassword', 'must differ from the current password');
      }
      user.passwordHash = await hash(newPassword, BCRYPT_COST);
      await this.save(manager, user, true);
    });
  }

  /** One's own name and how to be reached; the session goes on. */
  async updateOwnProfile(
    actor: Actor,
    changes: Pick<UserChanges, 'displayName' | 'email' | 'phone'>,
  ): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.find(manager, actor.username, true);
      Object.assign(user, changes);
      await this.save(manager, user, false);
      return toUserView(user);
    });
  }

  /** The user when the password matches and the account is active, else null; the same work either way. */
  async verifyCredentials(username: string, password: string): Promise<UserEntity | null> {
    const user = await this.findByUsername(username);
    const matches = await compare(password, user?.passwordHash ?? DUMMY_HASH);
    return user && matches && user.active ? user : null;
  }

  async accessState(username: string): Promise<AccessState | null> {
    const rows: { active: boolean; token_version: number }[] = await this.dataSource.query(
      'SELECT active, token_version FROM users WHERE username = $1',
      [username],
    );
    return rows[0] ? { active: rows[0].active, tokenVersion: rows[0].token_version } : null;
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

  /** Active users other than admins: the accounts a demo's login page offers. */
  async demoAccounts(): Promise<Pick<UserView, 'username' | 'displayName' | 'role' | 'unit'>[]> {
    const users = await this.dataSource.manager
      .createQueryBuilder(UserEntity, 'u')
      .where(`u.active AND u.role <> 'admin'`)
      .orderBy('u.created_at', 'ASC')
      .limit(20)
      .getMany();
    return users.map(({ username, displayName, role, unit }) => ({ username, displayName, role, unit }));
  }

  /** Saves the user; `endSessions` raises the token version and tells every API process, once committed. */
  private async save(manager: EntityManager, user: UserEntity, endSessions: boolean): Promise<void> {
    if (endSessions) user.tokenVersion += 1;
    await manager.update(
      UserEntity,
      { id: user.id },
      {
        displayName: user.displayName,
        role: user.role,
        unit: user.unit,
        email: user.email,
        phone: user.phone,
        active: user.active,
        passwordHash: user.passwordHash,
        tokenVersion: user.tokenVersion,
      },
    );
    if (endSessions) await manager.query('SELECT pg_notify($1, $2)', [USER_ACCESS_CHANNEL, user.username]);
  }

  private async find(manager: EntityManager, username: string, lock = false): Promise<UserEntity> {
    const qb = manager.createQueryBuilder(UserEntity, 'u').where('u.username = :username', { username });
    if (lock) qb.setLock('pessimistic_write');
    const user = await qb.getOne();
    if (!user) throw new NotFoundError(`user ${username} not found`);
    return user;
  }

  private async assertUnit(manager: EntityManager, code: string): Promise<void> {
    if (!(await manager.existsBy(UnitEntity, { code })))
      throw new InvalidInputError('unit', `"${code}" does not exist`);
  }
}
