import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarDayEntity } from '@app/persistence';
import { AuditLog } from '../audit/audit-log';
import type { Actor } from '../common/actor';
import { InvalidInputError, NotFoundError } from '../common/errors';
import { WorkingCalendar } from './working-calendar.service';

export type CalendarDayType = 'holiday' | 'workday';

export interface CalendarDayView {
  date: string;
  type: CalendarDayType;
  name: string | null;
}

export const toCalendarDayView = (day: CalendarDayEntity): CalendarDayView => ({
  date: day.day,
  type: day.type,
  name: day.name,
});

/** Statutory holidays and adjusted working days (调休), one year at a time or day by day. */
@Injectable()
export class CalendarDaysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: WorkingCalendar,
    private readonly audit: AuditLog,
  ) {}

  async list(from?: string, to?: string): Promise<CalendarDayView[]> {
    const qb = this.dataSource.manager.createQueryBuilder(CalendarDayEntity, 'd');
    if (from) qb.andWhere('d.day >= :from', { from });
    if (to) qb.andWhere('d.day <= :to', { to });
    return (await qb.orderBy('d.day', 'ASC').getMany()).map(toCalendarDayView);
  }

  put(actor: Actor, date: string, input: { type: CalendarDayType; name?: string }): Promise<CalendarDayView> {
    return this.change(actor, date.slice(0, 4), async (manager) => {
      await manager.upsert(
        CalendarDayEntity,
        { day: date, type: input.type, name: input.name ?? null },
        { conflictPaths: ['day'] },
      );
      return toCalendarDayView(await manager.findOneByOrFail(CalendarDayEntity, { day: date }));
    });
  }

  remove(actor: Actor, date: string): Promise<void> {
    return this.change(actor, date.slice(0, 4), async (manager) => {
      const result = await manager.delete(CalendarDayEntity, { day: date });
      if (!result.affected) throw new NotFoundError(`calendar day ${date} not found`);
    });
  }

  /** Replaces a year's holidays and adjusted working days in one step. */
  replaceYear(
    actor: Actor,
    year: number,
    days: { date: string; type: CalendarDayType; name?: string }[],
  ): Promise<{ year: number; days: CalendarDayView[] }> {
    days.forEach((day, index) => {
      if (!day.date.startsWith(`${year}-`)) throw new InvalidInputError(`days[${index}].date`, `is not in ${year}`);
    });
    const dates = days.map((day) => day.date);
    const repeated = dates.findIndex((date, index) => dates.indexOf(date) !== index);
    if (repeated >= 0) throw new InvalidInputError(`days[${repeated}].date`, `${dates[repeated]} appears twice`);
    return this.change(actor, String(year), async (manager) => {
      await manager.query(`DELETE FROM calendar_days WHERE day >= $1::date AND day < $2::date`, [
        `${year}-01-01`,
        `${year + 1}-01-01`,
      ]);
      if (days.length) {
        await manager.insert(
          CalendarDayEntity,
          days.map((day) => ({ day: day.date, type: day.type, name: day.name ?? null })),
        );
      }
      return { year, days: await this.yearIn(manager, year) };
    });
  }

  /** One change, with the year before and after in the audit log. Other processes' caches lapse within seconds. */
  private async change<T>(actor: Actor, year: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(async (manager) => {
      // Changes to one year serialize: a replacement deletes and inserts, and two at once would collide.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`calendar:${year}`]);
      const before = await this.yearIn(manager, Number(year));
      const outcome = await work(manager);
      await this.audit.record(manager, actor, {
        action: 'calendar.changed',
        targetType: 'calendar',
        targetId: year,
        before: { days: before },
        after: { days: await this.yearIn(manager, Number(year)) },
      });
      return outcome;
    });
    this.calendar.forget();
    return result;
  }

  private async yearIn(manager: EntityManager, year: number): Promise<CalendarDayView[]> {
    const rows = await manager
      .createQueryBuilder(CalendarDayEntity, 'd')
      .where('d.day >= :from AND d.day < :to', { from: `${year}-01-01`, to: `${year + 1}-01-01` })
      .orderBy('d.day', 'ASC')
      .getMany();
    return rows.map(toCalendarDayView);
  }
}
