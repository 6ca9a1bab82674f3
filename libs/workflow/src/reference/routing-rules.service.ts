import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { explainRouting, RuleVerdict } from '@app/domain';
import { CategoryEntity, RegionEntity, RoutingRuleEntity, UnitEntity } from '@app/persistence';
import { AuditLog } from '../audit/audit-log';
import type { Actor } from '../common/actor';
import { InvalidInputError, NotFoundError } from '../common/errors';
import { cursorPart, decodeCursor, Page, toPage } from '../common/pagination';
import { assertExists } from './reference-store';
import { RoutingRuleView, toRoutingRuleView } from './reference-views';

export interface RoutingRuleInput {
  category?: string | null;
  regionCode?: string | null;
  leadUnit: string;
  coUnits?: string[];
  priority?: number;
}

export interface RoutingExplanation {
  leadUnit: string | null;
  coUnits: string[];
  rule: RoutingRuleView | null;
  candidates: { rule: RoutingRuleView; matched: boolean; reason: RuleVerdict; detail: string }[];
}

/** Routing rules: (category, region) → lead unit and co-units. The most specific rule that applies wins. */
@Injectable()
export class RoutingRulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  create(actor: Actor, input: RoutingRuleInput): Promise<RoutingRuleView> {
    return this.dataSource.transaction(async (manager) => {
      const values = await this.checked(manager, input);
      const rule = toRoutingRuleView(await manager.save(manager.create(RoutingRuleEntity, values)));
      await this.audit.record(manager, actor, {
        action: 'routing_rule.created',
        targetType: 'routing_rule',
        targetId: rule.id,
        before: null,
        after: rule,
      });
      return rule;
    });
  }

  async list(limit: number, cursor?: string): Promise<Page<RoutingRuleView>> {
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

  update(actor: Actor, id: string, changes: Partial<RoutingRuleInput>): Promise<RoutingRuleView> {
    return this.dataSource.transaction(async (manager) => {
      const rule = await this.lock(manager, id);
      const before = toRoutingRuleView(rule);
      const values = await this.checked(manager, {
        category: changes.category !== undefined ? changes.category : rule.category,
        regionCode: changes.regionCode !== undefined ? changes.regionCode : rule.regionCode,
        leadUnit: changes.leadUnit ?? rule.leadUnit,
        coUnits: changes.coUnits ?? rule.coUnits,
        priority: changes.priority ?? rule.priority,
      });
      await manager.update(RoutingRuleEntity, { id }, values);
      const after = toRoutingRuleView({ ...rule, ...values });
      await this.audit.record(manager, actor, {
        action: 'routing_rule.updated',
        targetType: 'routing_rule',
        targetId: id,
        before,
        after,
      });
      return after;
    });
  }

  remove(actor: Actor, id: string): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const before = toRoutingRuleView(await this.lock(manager, id));
      await manager.delete(RoutingRuleEntity, { id });
      await this.audit.record(manager, actor, {
        action: 'routing_rule.deleted',
        targetType: 'routing_rule',
        targetId: id,
        before,
        after: null,
      });
    });
  }

  /**
   * Which unit an issue of this category in this region would go to, and why each other rule lost: every rule
   * naming the category, a region on the chain, or neither.
   */
  async explain(category: string, regionCode: string): Promise<RoutingExplanation> {
    const manager = this.dataSource.manager;
    await assertExists(manager, CategoryEntity, 'category', category);
    await assertExists(manager, RegionEntity, 'regionCode', regionCode);
    const ancestry: { code: string }[] = await manager.query(
      `WITH RECURSIVE ancestry AS (
         SELECT code, parent_code, 0 AS depth FROM regions WHERE code = $1
         UNION ALL
         SELECT r.code, r.parent_code, a.depth + 1 FROM regions r JOIN ancestry a ON r.code = a.parent_code
          WHERE a.depth < 16
       ) SELECT code FROM ancestry ORDER BY depth`,
      [regionCode],
    );
    const chain = ancestry.map((row) => row.code);
    const rules = await manager
      .createQueryBuilder(RoutingRuleEntity, 'r')
      .where(
        '(r.category_code = :category OR r.region_code = ANY(:chain) OR (r.category_code IS NULL AND r.region_code IS NULL))',
        { category, chain },
      )
      .orderBy('r.created_at', 'ASC')
      .getMany();
    const retired = (await manager.findBy(UnitEntity, { active: false })).map((unit) => unit.code);
    const { match, explanations } = explainRouting(rules, { category, regionAncestry: chain }, retired);
    return {
      leadUnit: match?.leadUnit ?? null,
      coUnits: match?.coUnits ?? [],
      rule: match ? toRoutingRuleView(match.rule as RoutingRuleEntity) : null,
      candidates: explanations.map((explanation) => ({
        ...explanation,
        rule: toRoutingRuleView(explanation.rule),
      })),
    };
  }

  private async lock(manager: EntityManager, id: string): Promise<RoutingRuleEntity> {
    const rule = await manager
      .createQueryBuilder(RoutingRuleEntity, 'r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
    if (!rule) throw new NotFoundError(`routing rule ${id} not found`);
    return rule;
  }

  private async checked(manager: EntityManager, input: RoutingRuleInput) {
    if (input.category) await assertExists(manager, CategoryEntity, 'category', input.category);
    if (input.regionCode) await assertExists(manager, RegionEntity, 'regionCode', input.regionCode);
    await assertExists(manager, UnitEntity, 'leadUnit', input.leadUnit);
    const coUnits = [...new Set(input.coUnits ?? [])].filter((unit) => unit !== input.leadUnit);
    for (const [index, unit] of coUnits.entries()) await assertExists(manager, UnitEntity, `coUnits[${index}]`, unit);
    if (input.priority !== undefined && !Number.isInteger(input.priority)) {
      throw new InvalidInputError('priority', 'must be an integer');
    }
    return {
      category: input.category ?? null,
      regionCode: input.regionCode ?? null,
      leadUnit: input.leadUnit,
      coUnits,
      priority: input.priority ?? 0,
    };
  }
}
