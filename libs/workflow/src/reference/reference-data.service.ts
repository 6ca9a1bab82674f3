import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { CalendarKind, isIsoDuration, parseIsoDuration, Severity, UnitKind } from '@app/domain';
import {
  CalendarDayEntity,
  CategoryEntity,
  DeadlinePolicyEntity,
  EscalationStep,
  RegionEntity,
  RoutingRuleEntity,
  UnitEntity,
} from '@app/persistence';
import { WorkingCalendar } from '../calendar/working-calendar.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors';
import { cursorPart, decodeCursor, Page, toPage } from '../common/pagination';
import {
  CalendarDayView,
  CategoryView,
  DeadlinePolicyView,
  RegionView,
  RoutingRuleView,
  toCalendarDayView,
  toCategoryView,
  toDeadlinePolicyView,
  toRegionView,
  toRoutingRuleView,
  toUnitView,
  UnitView,
} from './reference-views';

export interface DeadlinePolicyInput {
  severity: Severity;
  category?: string;
  calendar: CalendarKind;
  acknowledgeWithin: string;
  resolveWithin: string;
  remindAt?: number[];
  escalations: EscalationStep[];
  verifyWithin?: string;
  maxReturns?: number;
}

const UNIQUE_VIOLATION = '23505';

/** Regions, units, categories, routing rules, deadline policies and the calendar: admin writes, everyone reads. */
@Injectable()
export class ReferenceDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: WorkingCalendar,
  ) {}

  async createRegion(input: { code: string; name: string; parent?: string }): Promise<RegionView> {
    if (input.parent) await this.assertExists(RegionEntity, 'parent', input.parent);
    return toRegionView(
      await this.insertUnique(RegionEntity, 'code', {
        code: input.code,
        name: input.name,
        parentCode: input.parent ?? null,
      }),
    );
  }

  listRegions(limit: number, cursor?: string): Promise<Page<RegionView>> {
    return this.listByCode(RegionEntity, limit, cursor, toRegionView);
  }

  async createUnit(input: {
    code: string;
    name: string;
    kind: UnitKind;
    regionCode: string;
    parent?: string;
  }): Promise<UnitView> {
    await this.assertExists(RegionEntity, 'regionCode', input.regionCode);
    if (input.parent) await this.assertExists(UnitEntity, 'parent', input.parent);
    return toUnitView(
      await this.insertUnique(UnitEntity, 'code', {
        code: input.code,
        name: input.name,
        kind: input.kind,
        regionCode: input.regionCode,
        parentCode: input.parent ?? null,
      }),
    );
  }

  listUnits(limit: number, cursor?: string, active?: boolean): Promise<Page<UnitView>> {
    return this.listByCode(UnitEntity, limit, cursor, toUnitView, active);
  }

  async getUnit(code: string): Promise<UnitView> {
    const unit = await this.dataSource.manager.findOneBy(UnitEntity, { code });
    if (!unit) throw new NotFoundError(`unit ${code} not found`);
    return toUnitView(unit);
  }

  async createCategory(input: { code: string; name: string }): Promise<CategoryView> {
    return toCategoryView(await this.insertUnique(CategoryEntity, 'code', { code: input.code, name: input.name }));
  }

  listCategories(limit: number, cursor?: string, active?: boolean): Promise<Page<CategoryView>> {
    return this.listByCode(CategoryEntity, limit, cursor, toCategoryView, active);
  }

  async createRoutingRule(input: {
    category?: string;
    regionCode?: string;
    leadUnit: string;
    coUnits?: string[];
    priority?: number;
  }): Promise<RoutingRuleView> {
    if (input.category) await this.assertExists(CategoryEntity, 'category', input.category);
    if (input.regionCode) await this.assertExists(RegionEntity, 'regionCode', input.regionCode);
    await this.assertExists(UnitEntity, 'leadUnit', input.leadUnit);
    const coUnits = [...new Set(input.coUnits ?? [])].filter((unit) => unit !== input.leadUnit);
    for (const [index, unit] of coUnits.entries()) await this.assertExists(UnitEntity, `coUnits[${index}]`, unit);
    const repository = this.dataSource.getRepository(RoutingRuleEntity);
    const rule = await repository.save(
      repository.create({
        category: input.category ?? null,
        regionCode: input.regionCode ?? null,
        leadUnit: input.leadUnit,
        coUnits,
        priority: input.priority ?? 0,
      }),
    );
    return toRoutingRuleView(rule);
  }

  async listRoutingRules(limit: number, cursor?: string): Promise<Page<RoutingRuleView>> {
    const qb = this.dataSource.manager.createQueryBuilder(RoutingRuleEntity, 'r');
    if (cursor) {
      const [createdAt, id] = decodeCursor(cursor, [cursorPart.timestamp, cursorPart.uuid]);
      qb.where('(r.created_at, r.id) > (:createdAt::timestamptz, :id::uuid)', { createdAt, id });
    }
    const rows = await qb
      .orderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, toRoutingRuleView, (row) => [row.createdAt.toISOString(), row.id]);
  }

  async deleteRoutingRule(id: string): Promise<void> {
    const result = await this.dataSource.manager.delete(RoutingRuleEntity, { id });
    if (!result.affected) throw new NotFoundError(`routing rule ${id} not found`);
  }

  /** One policy per (severity, category): posting the same key again replaces it. */
  async upsertDeadlinePolicy(input: DeadlinePolicyInput): Promise<DeadlinePolicyView> {
    if (input.category) await this.assertExists(CategoryEntity, 'category', input.category);
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
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager
        .createQueryBuilder(DeadlinePolicyEntity, 'p')
        .setLock('pessimistic_write')
        .where('p.severity = :severity', { severity: input.severity })
        .andWhere(input.category ? 'p.category_code = :category' : 'p.category_code IS NULL', {
          category: input.category,
        })
        .getOne();
      const policy = manager.create(DeadlinePolicyEntity, {
        ...(existing ?? {}),
        severity: input.severity,
        category: input.category ?? null,
        calendar: input.calendar,
        acknowledgeWithin: input.acknowledgeWithin,
        resolveWithin: input.resolveWithin,
        remindAt: [...(input.remindAt ?? [0.5, 0.8])].sort((a, b) => a - b),
        escalations: [...input.escalations].sort((a, b) => a.level - b.level),
        verifyWithin: input.verifyWithin ?? 'P5D',
        maxReturns: input.maxReturns ?? 2,
      });
      return toDeadlinePolicyView(await manager.save(policy));
    });
  }

  async listDeadlinePolicies(): Promise<DeadlinePolicyView[]> {
    const policies = await this.dataSource.manager.find(DeadlinePolicyEntity, {
      order: { severity: 'ASC', createdAt: 'ASC' },
    });
    return policies.map(toDeadlinePolicyView);
  }

  async putCalendarDay(day: string, input: { type: 'holiday' | 'workday'; name?: string }): Promise<CalendarDayView> {
    await this.dataSource.manager.upsert(
      CalendarDayEntity,
      { day, type: input.type, name: input.name ?? null },
      { conflictPaths: ['day'] },
    );
    this.calendar.forget();
    return toCalendarDayView(await this.dataSource.manager.findOneByOrFail(CalendarDayEntity, { day }));
  }

  async listCalendarDays(from?: string, to?: string): Promise<CalendarDayView[]> {
    const qb = this.dataSource.manager.createQueryBuilder(CalendarDayEntity, 'd');
    if (from) qb.andWhere('d.day >= :from', { from });
    if (to) qb.andWhere('d.day <= :to', { to });
    return (await qb.orderBy('d.day', 'ASC').getMany()).map(toCalendarDayView);
  }

  private assertDuration(field: string, value: string, calendar: CalendarKind): void {
    if (!isIsoDuration(value)) throw new InvalidInputError(field, `"${value}" is not an ISO-8601 duration`);
    const parsed = parseIsoDuration(value);
    if (calendar === 'working' && (parsed.years || parsed.months)) {
      throw new InvalidInputError(field, 'a working calendar counts days, weeks and hours, not months or years');
    }
  }

  private async assertExists(
    entity: typeof RegionEntity | typeof UnitEntity | typeof CategoryEntity,
    field: string,
    code: string,
  ): Promise<void> {
    if (!(await this.dataSource.manager.existsBy(entity, { code })))
      throw new InvalidInputError(field, `"${code}" does not exist`);
  }

  private async insertUnique<T extends { code: string }>(
    entity: new () => T,
    field: string,
    values: Partial<T>,
  ): Promise<T> {
    try {
      const repository = this.dataSource.getRepository(entity);
      // insert, not save: save would quietly overwrite an existing code.
      await repository.insert(values as never);
      return await repository.findOneByOrFail({ code: values.code } as never);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new ConflictError(`${field}: "${values.code}" exists already`);
      }
      throw error;
    }
  }

  private async listByCode<T extends { code: string }, V>(
    entity: new () => T,
    limit: number,
    cursor: string | undefined,
    view: (row: T) => V,
    active?: boolean,
  ): Promise<Page<V>> {
    const qb = this.dataSource.manager.createQueryBuilder(entity, 'x');
    if (active !== undefined) qb.andWhere('x.active = :active', { active });
    if (cursor) {
      const [code] = decodeCursor(cursor, [cursorPart.string]);
      qb.andWhere('x.code > :code', { code });
    }
    const rows = await qb
      .orderBy('x.code', 'ASC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, view, (row) => [row.code]);
  }
}
