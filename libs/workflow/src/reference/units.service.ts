import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { UnitKind } from '@app/domain';
import { RegionEntity, UnitEntity } from '@app/persistence';
import { AuditLog } from '../audit/audit-log';
import type { Actor } from '../common/actor';
import { InvalidInputError, NotFoundError } from '../common/errors';
import { Page } from '../common/pagination';
import { assertExists, insertUnique, listByCode, lockByCode } from './reference-store';
import { toUnitView, UnitView } from './reference-views';

export interface UnitChanges {
  name?: string;
  kind?: UnitKind;
  regionCode?: string;
  /** The unit an escalation climbs to; null detaches it. */
  parent?: string | null;
  active?: boolean;
}

/**
 * The responsible units and the inspection office. `parent` is the escalation ladder, so it may never loop. A
 * retired unit keeps its history and its open issues (until reassigned) but takes no new ones.
 */
@Injectable()
export class UnitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  create(
    actor: Actor,
    input: { code: string; name: string; kind: UnitKind; regionCode: string; parent?: string },
  ): Promise<UnitView> {
    return this.dataSource.transaction(async (manager) => {
      await assertExists(manager, RegionEntity, 'regionCode', input.regionCode);
      if (input.parent) await assertExists(manager, UnitEntity, 'parent', input.parent);
      const unit = toUnitView(
        await insertUnique(manager, UnitEntity, 'code', {
          code: input.code,
          name: input.name,
          kind: input.kind,
          regionCode: input.regionCode,
          parentCode: input.parent ?? null,
          active: true,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'unit.created',
        targetType: 'unit',
        targetId: unit.code,
        before: null,
        after: unit,
      });
      return unit;
    });
  }

  list(limit: number, cursor?: string, active?: boolean): Promise<Page<UnitView>> {
    return listByCode(this.dataSource.manager, UnitEntity, { limit, cursor, active }, toUnitView);
  }

  async get(code: string): Promise<UnitView> {
    const unit = await this.dataSource.manager.findOneBy(UnitEntity, { code });
    if (!unit) throw new NotFoundError(`unit ${code} not found`);
    return toUnitView(unit);
  }

  update(actor: Actor, code: string, changes: UnitChanges): Promise<UnitView> {
    return this.dataSource.transaction(async (manager) => {
      // Ladder changes serialize: two moves that each look fine could close a loop together.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['units:ladder']);
      const unit = await lockByCode(manager, UnitEntity, code, 'unit');
      const before = toUnitView(unit);
      if (changes.regionCode !== undefined) await assertExists(manager, RegionEntity, 'regionCode', changes.regionCode);
      if (changes.parent) {
        await assertExists(manager, UnitEntity, 'parent', changes.parent);
        await this.assertNoCycle(manager, code, changes.parent);
      }
      Object.assign(unit, {
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
        ...(changes.regionCode !== undefined ? { regionCode: changes.regionCode } : {}),
        ...(changes.parent !== undefined ? { parentCode: changes.parent } : {}),
        ...(changes.active !== undefined ? { active: changes.active } : {}),
      });
      await manager.update(
        UnitEntity,
        { code },
        {
          name: unit.name,
          kind: unit.kind,
          regionCode: unit.regionCode,
          parentCode: unit.parentCode,
          active: unit.active,
        },
      );
      const after = toUnitView(unit);
      await this.audit.record(manager, actor, {
        action: 'unit.updated',
        targetType: 'unit',
        targetId: code,
        before,
        after,
      });
      return after;
    });
  }

  /** A unit may not climb to itself: `parent` and every unit above it must be another unit. */
  private async assertNoCycle(manager: EntityManager, code: string, parent: string): Promise<void> {
    const [{ loops }] = await manager.query(
      `WITH RECURSIVE ladder AS (
         SELECT code, parent_code, 0 AS depth FROM units WHERE code = $1
         UNION ALL
         SELECT u.code, u.parent_code, l.depth + 1 FROM units u JOIN ladder l ON u.code = l.parent_code
          WHERE l.depth < 64
       ) SELECT EXISTS (SELECT 1 FROM ladder WHERE code = $2) AS loops`,
      [parent, code],
    );
    if (loops) throw new InvalidInputError('parent', `"${parent}" is ${code} or below it: the ladder would loop`);
  }
}
