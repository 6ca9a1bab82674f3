import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CategoryEntity } from '@app/persistence';
import { AuditLog } from '../audit/audit-log';
import type { Actor } from '../common/actor';
import { Page } from '../common/pagination';
import { insertUnique, listByCode, lockByCode } from './reference-store';
import { CategoryView, toCategoryView } from './reference-views';

/** Kinds of problem (rural roads, work safety, …); a retired one takes no new filings. */
@Injectable()
export class CategoriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  create(actor: Actor, input: { code: string; name: string }): Promise<CategoryView> {
    return this.dataSource.transaction(async (manager) => {
      const category = toCategoryView(
        await insertUnique(manager, CategoryEntity, 'code', { code: input.code, name: input.name, active: true }),
      );
      await this.audit.record(manager, actor, {
        action: 'category.created',
        targetType: 'category',
        targetId: category.code,
        before: null,
        after: category,
      });
      return category;
    });
  }

  list(limit: number, cursor?: string, active?: boolean): Promise<Page<CategoryView>> {
    return listByCode(this.dataSource.manager, CategoryEntity, { limit, cursor, active }, toCategoryView);
  }

  update(actor: Actor, code: string, changes: { name?: string; active?: boolean }): Promise<CategoryView> {
    return this.dataSource.transaction(async (manager) => {
      const category = await lockByCode(manager, CategoryEntity, code, 'category');
      const before = toCategoryView(category);
      Object.assign(category, {
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.active !== undefined ? { active: changes.active } : {}),
      });
      await manager.update(CategoryEntity, { code }, { name: category.name, active: category.active });
      const after = toCategoryView(category);
      await this.audit.record(manager, actor, {
        action: 'category.updated',
        targetType: 'category',
        targetId: code,
        before,
        after,
      });
      return after;
    });
  }
}
