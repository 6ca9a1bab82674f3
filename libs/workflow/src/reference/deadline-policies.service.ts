import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarKind, isIsoDuration, parseIsoDuration, Severity } from '@app/domain';
import { CategoryEntity, DeadlinePolicyEntity, EscalationStep } from '@app/persistence';
import { AuditLog } from '../audit/audit-log';
import type { Actor } from '../common/actor';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors';
import { assertExists, isUniqueViolation } from './reference-store';
import { DeadlinePolicyView, toDeadlinePolicyView } from './reference-views';

export interface DeadlinePolicyInput {
  severity: Severity;
  category?: string | null;
  calendar: CalendarKind;
  acknowledgeWithin: string;
  resolveWithin: string;
  remindAt?: number[];
  escalations: EscalationStep[];
  verifyWithin?: string;
  maxReturns?: number;
}

/**
 * Deadline policies, one per (severity, category): the category-and-severity one wins over the severity-only one.
 * An issue keeps the terms it was assigned under, so editing or deleting a policy changes only what comes after.
 */
@Injectable()
export class DeadlinePoliciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /** Posting the same (severity, category) again replaces that policy. */
  upsert(actor: Actor, input: DeadlinePolicyInput): Promise<DeadlinePolicyView> {
    return this.dataSource.transaction(async (manager) => {
      const values = await this.checked(manager, input);
      const existing = await manager
        .createQueryBuilder(DeadlinePolicyEntity, 'p')
        .setLock('pessimistic_write')
        .where('p.severity = :severity', { severity: values.severity })
        .andWhere(values.category ? 'p.category_code = :category' : 'p.category_code IS NULL', {
          category: values.category,
        })
        .getOne();
      const saved = toDeadlinePolicyView(
        await manager.save(manager.create(DeadlinePolicyEntity, { ...existing, ...values })),
      );
      await this.audit.record(manager, actor, {
        action: existing ? 'deadline_policy.updated' : 'deadline_policy.created',
        targetType: 'deadline_policy',
        targetId: saved.id,
        before: existing ? toDeadlinePolicyView(existing) : null,
        after: saved,
      });
      return saved;
    });
  }

  async list(): Promise<DeadlinePolicyView[]> {
    const policies = await this.dataSource.manager.find(DeadlinePolicyEntity, {
      order: { severity: 'ASC', createdAt: 'ASC' },
    });
    return policies.map(toDeadlinePolicyView);
  }

  update(actor: Actor, id: string, changes: Partial<DeadlinePolicyInput>): Promise<DeadlinePolicyView> {
    return this.dataSource.transaction(async (manager) => {
      const policy = await this.lock(manager, id);
      const before = toDeadlinePolicyView(policy);
      const values = await this.checked(manager, {
        severity: changes.severity ?? policy.severity,
        category: changes.category !== undefined ? changes.category : policy.category,
        calendar: changes.calendar ?? policy.calendar,
        acknowledgeWithin: changes.acknowledgeWithin ?? policy.acknowledgeWithin,
        resolveWithin: changes.resolveWithin ?? policy.resolveWithin,
        remindAt: changes.remindAt ?? policy.remindAt,
        escalations: changes.escalations ?? policy.escalations,
        verifyWithin: changes.verifyWithin ?? policy.verifyWithin,
        maxReturns: changes.maxReturns ?? policy.maxReturns,
      });
      try {
        await manager.update(DeadlinePolicyEntity, { id }, values);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ConflictError(`severity: a policy for ${values.severity} and this category exists already`);
        }
        throw error;
      }
      const after = toDeadlinePolicyView({ ...policy, ...values });
      await this.audit.record(manager, actor, {
        action: 'deadline_policy.updated',
        targetType: 'deadline_policy',
        targetId: id,
        before,
        after,
      });
      return after;
    });
  }

  remove(actor: Actor, id: string): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const before = toDeadlinePolicyView(await this.lock(manager, id));
      await manager.delete(DeadlinePolicyEntity, { id });
      await this.audit.record(manager, actor, {
        action: 'deadline_policy.deleted',
        targetType: 'deadline_policy',
        targetId: id,
        before,
        after: null,
      });
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<DeadlinePolicyEntity> {
    const policy = await manager
      .createQueryBuilder(DeadlinePolicyEntity, 'p')
      .setLock('pessimistic_write')
      .where('p.id = :id', { id })
      .getOne();
    if (!policy) throw new NotFoundError(`deadline policy ${id} not found`);
    return policy;
  }

  private async checked(manager: EntityManager, input: DeadlinePolicyInput) {
    if (input.category) await assertExists(manager, CategoryEntity, 'category', input.category);
    for (const field of ['acknowledgeWithin', 'resolveWithin', 'verifyWithin'] as const) {
      const value = input[field];
      if (value !== undefined) this.assertDuration(field, value, input.calendar);
    }
    input.escalations.forEach((step, index) =>
      this.assertDuration(`escalations[${index}].after`, step.after, 'natural'),
    );
    const levels = input.escalations.map((step) => step.level);
    if (new Set(levels).size !== levels.length) {
      throw new InvalidInputError('escalations', 'each level may appear only once');
    }
    return {
      severity: input.severity,
      category: input.category ?? null,
      calendar: input.calendar,
      acknowledgeWithin: input.acknowledgeWithin,
      resolveWithin: input.resolveWithin,
      remindAt: [...(input.remindAt ?? [0.5, 0.8])].sort((a, b) => a - b),
      escalations: [...input.escalations].sort((a, b) => a.level - b.level),
      verifyWithin: input.verifyWithin ?? 'P5D',
      maxReturns: input.maxReturns ?? 2,
    };
  }

  private assertDuration(field: string, value: string, calendar: CalendarKind): void {
    if (!isIsoDuration(value)) throw new InvalidInputError(field, `"${value}" is not an ISO-8601 duration`);
    const parsed = parseIsoDuration(value);
    if (calendar === 'working' && (parsed.years || parsed.months)) {
      throw new InvalidInputError(field, 'a working calendar counts days, weeks and hours, not months or years');
    }
  }
}
