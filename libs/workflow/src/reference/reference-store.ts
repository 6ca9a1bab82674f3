import { EntityManager, QueryFailedError } from 'typeorm';
import { CategoryEntity, RegionEntity, UnitEntity } from '@app/persistence';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors';
import { cursorPart, decodeCursor, Page, toPage } from '../common/pagination';

// What every kind of reference data shares: existence checks that name the field, inserts that refuse a taken
// code, lists by code, rows locked for a change.

type Coded = typeof RegionEntity | typeof UnitEntity | typeof CategoryEntity;

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
}

export async function assertExists(manager: EntityManager, entity: Coded, field: string, code: string) {
  if (!(await manager.existsBy(entity, { code }))) throw new InvalidInputError(field, `"${code}" does not exist`);
}

/** Inserts a row under a new code; a code that exists is a 409 (insert, not save: save would overwrite it). */
export async function insertUnique<T extends { code: string }>(
  manager: EntityManager,
  entity: new () => T,
  field: string,
  values: Partial<T>,
): Promise<T> {
  try {
    await manager.insert(entity, values as never);
    return await manager.findOneByOrFail(entity, { code: values.code } as never);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`${field}: "${values.code}" exists already`);
    throw error;
  }
}

/** A row by its code, locked until the transaction ends; 404 when there is none. */
export async function lockByCode<T extends { code: string }>(
  manager: EntityManager,
  entity: new () => T,
  code: string,
  what: string,
): Promise<T> {
  const row = await manager
    .createQueryBuilder(entity, 'x')
    .setLock('pessimistic_write')
    .where('x.code = :code', { code })
    .getOne();
  if (!row) throw new NotFoundError(`${what} ${code} not found`);
  return row;
}

export async function listByCode<T extends { code: string }, V>(
  manager: EntityManager,
  entity: new () => T,
  page: { limit: number; cursor?: string; active?: boolean },
  view: (row: T) => V,
): Promise<Page<V>> {
  const qb = manager.createQueryBuilder(entity, 'x');
  if (page.active !== undefined) qb.andWhere('x.active = :active', { active: page.active });
  if (page.cursor) {
    const [code] = decodeCursor(page.cursor, [cursorPart.string]);
    qb.andWhere('x.code > :code', { code });
  }
  const rows = await qb
    .orderBy('x.code', 'ASC')
    .limit(page.limit + 1)
    .getMany();
  return toPage(rows, page.limit, view, (row) => [row.code]);
}
