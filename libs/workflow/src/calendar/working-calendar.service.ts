import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarKind, CalendarOverrides } from '@app/domain';
import { CalendarDayEntity } from '@app/persistence';
import { APP_CONFIG, AppConfig } from '@app/platform';

const CACHE_MS = 5000;

/**
 * The working calendar: weekdays minus statutory holidays plus adjusted working days, in TIME_ZONE. Calendar days
 * change a few times a year; a short cache spares a query per deadline computed.
 */
@Injectable()
export class WorkingCalendar {
  private cache: { loadedAt: number; overrides: CalendarOverrides } | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get timeZone(): string {
    return this.config.timeZone;
  }

  async overrides(manager: EntityManager): Promise<CalendarOverrides> {
    const now = Date.now();
    if (this.cache && now - this.cache.loadedAt < CACHE_MS) return this.cache.overrides;
    const days = await manager.find(CalendarDayEntity);
    const overrides: CalendarOverrides = {
      holidays: new Set(days.filter((d) => d.type === 'holiday').map((d) => d.day)),
      workdays: new Set(days.filter((d) => d.type === 'workday').map((d) => d.day)),
    };
    this.cache = { loadedAt: now, overrides };
    return overrides;
  }

  /** What the domain's deadline arithmetic needs for a calendar of this kind. */
  async options(manager: EntityManager, calendar: CalendarKind) {
    return {
      timeZone: this.config.timeZone,
      overrides: calendar === 'working' ? await this.overrides(manager) : undefined,
    };
  }

  /** Called when the calendar changes in this process. */
  forget(): void {
    this.cache = null;
  }
}
