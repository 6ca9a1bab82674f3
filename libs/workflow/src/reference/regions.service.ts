import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RegionEntity } from '@app/persistence';
import { AuditLog } from '../audit/audit-log';
import type { Actor } from '../common/actor';
import { Page } from '../common/pagination';
import { assertExists, insertUnique, listByCode, lockByCode } from './reference-store';
import { RegionView, toRegionView } from './reference-views';

/** Administrative divisions (GB/T 2260), a tree: prefecture → county. */
@Injectable()
export class RegionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  create(actor: Actor, input: { code: string; name: string; parent?: string }): Promise<RegionView> {
    return this.dataSource.transaction(async (manager) => {
      if (input.parent) await assertExists(manager, RegionEntity, 'parent', input.parent);
      const region = toRegionView(
        await insertUnique(manager, RegionEntity, 'code', {
          code: input.code,
          name: input.name,
          parentCode: input.parent ?? null,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'region.created',
        targetType: 'region',
        targetId: region.code,
        before: null,
        after: region,
      });
      return region;
    });
  }

  list(limit: number, cursor?: string): Promise<Page<RegionView>> {
    return listByCode(this.dataSource.manager, RegionEntity, { limit, cursor }, toRegionView);
  }

  update(actor: Actor, code: string, changes: { name?: string }): Promise<RegionView> {
    return this.dataSource.transaction(async (manager) => {
      const region = await lockByCode(manager, RegionEntity, code, 'region');
      const before = toRegionView(region);
      if (changes.name !== undefined) region.name = changes.name;
      await manager.update(RegionEntity, { code }, { name: region.name });
      const after = toRegionView(region);
      await this.audit.record(manager, actor, {
        action: 'region.updated',
        targetType: 'region',
        targetId: code,
        before,
        after,
      });
      return after;
    });
  }
}
