import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { addDuration, CalendarOverrides, parseIsoDuration } from '@app/domain';
import { CalendarDayEntity, DeadlinePolicyEntity, IssueEntity } from '@app/persistence';
import { APP_CONFIG, AppConfig } from '@app/platform';

const CALENDAR_CACHE_MS = 5000;

/** Applies the deadline policy that fits an issue: the category-and-severity one before the severity-only one. */
@Injectable()
export class DeadlineService {
  private calendarCache: { loadedAt: number; overrides: CalendarOverrides } | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async policyFor(manager: EntityManager, issue: Pick<IssueEntity, 'category' | 'severity'>) {
    return manager
      .createQueryBuilder(DeadlinePolicyEntity, 'p')
      .where('p.severity = :severity', { severity: issue.severity })
      .andWhere('(p.category_code = :category OR p.category_code IS NULL)', { category: issue.category })
      .orderBy('p.category_code', 'ASC', 'NULLS LAST')
      .getOne();
  }

  /** Deadlines that start when an issue is assigned to a unit. Without a policy there are none. */
  async assignmentDeadlines(
    manager: EntityManager,
    issue: IssueEntity,
    from: Date,
  ): Promise<{ acknowledgeDueAt: Date | null; dueAt: Date | null }> {
    const policy = await this.policyFor(manager, issue);
    if (!policy) return { acknowledgeDueAt: null, dueAt: null };
    return {
      acknowledgeDueAt: await this.add(manager, policy, policy.acknowledgeWithin, from),
      dueAt: await this.add(manager, policy, policy.resolveWithin, from),
    };
  }

  /** A fresh resolve deadline, as after a rejected rectification. */
  async resolveDeadline(manager: EntityManager, issue: IssueEntity, from: Date): Promise<Date | null> {
    const policy = await this.policyFor(manager, issue);
    return policy ? this.add(manager, policy, policy.resolveWithin, from) : null;
  }

  async maxReturns(manager: EntityManager, issue: IssueEntity): Promise<number> {
    return (await this.policyFor(manager, issue))?.maxReturns ?? 2;
  }

  private async add(manager: EntityManager, policy: DeadlinePolicyEntity, duration: string, from: Date) {
    const overrides = policy.calendar === 'working' ? await this.overrides(manager) : undefined;
    return addDuration(from, parseIsoDuration(duration), policy.calendar, {
      timeZone: this.config.timeZone,
      overrides,
    });
  }

  // Calendar days change a few times a year; a short cache spares a query per assignment.
  private async overrides(manager: EntityManager): Promise<CalendarOverrides> {
    const now = Date.now();
    if (this.calendarCache && now - this.calendarCache.loadedAt < CALENDAR_CACHE_MS)
      return this.calendarCache.overrides;
    const days = await manager.find(CalendarDayEntity);
    const overrides: CalendarOverrides = {
      holidays: new Set(days.filter((d) => d.type === 'holiday').map((d) => d.day)),
      workdays: new Set(days.filter((d) => d.type === 'workday').map((d) => d.day)),
    };
    this.calendarCache = { loadedAt: now, overrides };
    return overrides;
  }

  /** Called when the calendar changes in this process. */
  forgetCalendar(): void {
    this.calendarCache = null;
  }
}
