import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { IssueEntity } from '@app/persistence';
import type { Actor } from '../common/actor';
import { NotFoundError } from '../common/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Restricts a query on issues (alias `i`) to what the actor may see, in SQL: a handler reaches only its unit's
 * issues (lead or co-unit), a supervisor only what it filed; inspectors and admins see everything.
 */
export function scopeIssues<T extends SelectQueryBuilder<IssueEntity>>(qb: T, actor: Actor): T {
  switch (actor.role) {
    case 'supervisor':
      return qb.andWhere('i.filed_by = :scopeUser', { scopeUser: actor.username }) as T;
    case 'handler':
      return qb.andWhere('(i.lead_unit = :scopeUnit OR i.co_units @> ARRAY[:scopeUnit]::text[])', {
        scopeUnit: actor.unit ?? '',
      }) as T;
    case 'inspector':
    case 'admin':
      return qb;
    default:
      return qb.andWhere('false');
  }
}

/** The same rule as `scopeIssues`, for an issue already in hand (the live stream decides per message with it). */
export function maySeeIssue(
  actor: Actor,
  issue: { filedBy: string; leadUnit: string | null; coUnits: readonly string[] },
): boolean {
  switch (actor.role) {
    case 'supervisor':
      return issue.filedBy === actor.username;
    case 'handler':
      return !!actor.unit && (issue.leadUnit === actor.unit || issue.coUnits.includes(actor.unit));
    case 'inspector':
    case 'admin':
      return true;
    default:
      return false;
  }
}

/** Loads an issue the actor may see, optionally locking its row for a command; 404 otherwise. */
export async function findVisibleIssue(
  manager: EntityManager,
  id: string,
  actor: Actor,
  lock = false,
): Promise<IssueEntity> {
  if (!UUID.test(id)) throw new NotFoundError(`issue ${id} not found`);
  const qb = scopeIssues(manager.createQueryBuilder(IssueEntity, 'i').where('i.id = :id', { id }), actor);
  if (lock) qb.setLock('pessimistic_write');
  const issue = await qb.getOne();
  if (!issue) throw new NotFoundError(`issue ${id} not found`);
  return issue;
}
