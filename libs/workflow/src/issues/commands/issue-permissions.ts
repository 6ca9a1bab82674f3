import type { EntityManager } from 'typeorm';
import type { Role } from '@app/domain';
import { IssueEntity, UnitEntity } from '@app/persistence';
import type { Actor } from '../../common/actor';
import { ForbiddenError, InvalidInputError } from '../../common/errors';

// Who may run a command on an issue, beyond the role checked at the door: the API's command table, in code.

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!actor.role || !roles.includes(actor.role)) {
    throw new ForbiddenError(`role ${actor.role} may not do this`);
  }
}

export function requireLeadHandler(actor: Actor, issue: IssueEntity): void {
  requireRole(actor, 'handler');
  if (issue.leadUnit !== actor.unit) throw new ForbiddenError('only a handler of the lead unit may do this');
}

export function requireUnitHandler(actor: Actor, issue: IssueEntity): void {
  requireRole(actor, 'handler');
  if (issue.leadUnit !== actor.unit && !issue.coUnits.includes(actor.unit ?? '')) {
    throw new ForbiddenError('only a handler of the lead unit or a co-unit may do this');
  }
}

export function requireFilerOrInspector(actor: Actor, issue: IssueEntity): void {
  if (actor.role === 'inspector') return;
  if (actor.username !== issue.filedBy) throw new ForbiddenError('only the filer or an inspector may do this');
}

/** A unit an issue may be given to: one that exists and is not retired. */
export async function assertUnitTakesIssues(manager: EntityManager, field: string, code: string): Promise<void> {
  const unit = await manager.findOneBy(UnitEntity, { code });
  if (!unit) throw new InvalidInputError(field, `"${code}" does not exist`);
  if (!unit.active) throw new InvalidInputError(field, `"${code}" is retired and takes no new issues`);
}
