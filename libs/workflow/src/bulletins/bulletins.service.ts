import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { DateTime } from 'luxon';
import { BulletinPeriod, bulletinPeriodLabel, defaultBulletinTitle, parseBulletinPeriod } from '@app/domain';
import { BulletinEntity, InjectReads } from '@app/persistence';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { AssessmentService } from '../assessment/assessment.service';
import { ProposalReportService } from '../assessment/proposal-report.service';
import type { Actor } from '../common/actor';
import type { ExportFile } from '../common/csv';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors';
import { cursorPart, decodeCursor, Page, toPage } from '../common/pagination';
import { keyItemsAt, overdueAt } from './board-at';
import { BulletinContent, BulletinEscalationRow, BulletinSummary, BulletinView, scopeToUnit } from './bulletin-content';
import { bulletinCsv, bulletinDocx, bulletinFileName } from './bulletin-files';

export interface MakeBulletinInput {
  period?: string;
  from?: string;
  to?: string;
  title?: string;
}

export type BulletinFormat = 'docx' | 'csv' | 'json';

/** Nothing was filed before the service: a special bulletin starts in 2000 at the earliest. */
const EARLIEST = new Date('2000-01-01T00:00:00Z');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Bulletins (通报): the inspection office's periodic publication, built once from the assessment, the board at the
 * period's end and the proposal figures, and stored as made. Reading one never recomputes it.
 */
@Injectable()
export class BulletinsService {
  private readonly logger = new Logger(BulletinsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectReads() private readonly reads: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly assessment: AssessmentService,
    private readonly proposals: ProposalReportService,
  ) {}

  /** Which stretch of time the request names; a 400 naming the field for anything else. */
  resolvePeriod(input: MakeBulletinInput, now = new Date()): BulletinPeriod {
    const zone = this.config.timeZone;
    if (input.period !== undefined) {
      if (input.from !== undefined || input.to !== undefined) {
        throw new InvalidInputError('period', 'give either period or from and to, not both');
      }
      let period: BulletinPeriod;
      try {
        period = parseBulletinPeriod(input.period, zone);
      } catch (error) {
        throw new InvalidInputError('period', (error as Error).message.replace(/^period /, ''));
      }
      if (period.end > now) {
        throw new InvalidInputError(
          'period',
          `${input.period} has not ended yet (it ends ${period.end.toISOString()})`,
        );
      }
      return period;
    }
    if (input.from === undefined && input.to === undefined) {
      throw new InvalidInputError('period', 'is required (YYYY-MM or YYYY-Qn), or from and to for a special bulletin');
    }
    if (input.from === undefined) throw new InvalidInputError('from', 'is required with to');
    if (input.to === undefined) throw new InvalidInputError('to', 'is required with from');
    const range = this.assessment.range(input.from, input.to);
    // `to` itself must not be in the future: a date counts from its first instant, and the bulletin then runs up
    // to the moment it is made.
    const toStart = DateTime.fromISO(input.to, { zone }).toJSDate();
    if (toStart > now) throw new InvalidInputError('to', 'must not be in the future');
    if (range.from >= now) throw new InvalidInputError('from', 'must be in the past');
    if (range.from < EARLIEST) throw new InvalidInputError('from', 'must be in 2000 or later');
    return { kind: 'special', period: null, start: range.from, end: range.to > now ? now : range.to };
  }

  async make(actor: Actor, input: MakeBulletinInput): Promise<BulletinView> {
    const frozenAt = new Date();
    const period = this.resolvePeriod(input, frozenAt);
    if (period.period && (await this.dataSource.manager.existsBy(BulletinEntity, { period: period.period }))) {
      throw new ConflictError(`the bulletin for ${period.period} exists already`);
    }
    const started = performance.now();
    const content = await this.build(period);
    const buildMs = Math.round(performance.now() - started);
    const entity = this.dataSource.manager.create(BulletinEntity, {
      id: randomUUID(),
      period: period.period,
      kind: period.kind,
      title: input.title?.trim() || defaultBulletinTitle(period, this.config.timeZone),
      startsAt: period.start,
      endsAt: period.end,
      frozenAt,
      createdBy: actor.username,
      buildMs,
      content: content as unknown as Record<string, unknown>,
    });
    try {
      await this.dataSource.manager.insert(BulletinEntity, entity as QueryDeepPartialEntity<BulletinEntity>);
    } catch (error) {
      // The unique index on period decides a race between two inspectors making the same month.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw new ConflictError(`the bulletin for ${period.period} exists already`);
      }
      throw error;
    }
    this.logger.log({ bulletinId: entity.id, period: entity.period, buildMs, overdue: content.overdue.length });
    return this.toView(entity);
  }

  /** Newest first. Everyone who may read bulletins sees the list; rows inside are scoped when one is opened. */
  async list(limit: number, cursor?: string): Promise<Page<BulletinSummary>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(BulletinEntity, 'b')
      .select(['b.id', 'b.period', 'b.kind', 'b.title', 'b.startsAt', 'b.endsAt', 'b.frozenAt', 'b.createdBy'])
      // the label lives in the snapshot; reading just that key keeps the list light
      .addSelect(`b.content->>'periodLabel'`, 'period_label');
    if (cursor) {
      const [frozenAt, id] = decodeCursor(cursor, [cursorPart.timestamp, cursorPart.uuid]);
      qb.where('(b.frozen_at, b.id) < (:frozenAt::timestamptz, :id::uuid)', { frozenAt, id });
    }
    const { entities, raw } = await qb
      .orderBy('b.frozen_at', 'DESC')
      .addOrderBy('b.id', 'DESC')
      .limit(limit + 1)
      .getRawAndEntities();
    const labels = new Map(raw.map((row: { b_id: string; period_label: string }) => [row.b_id, row.period_label]));
    return toPage(
      entities,
      limit,
      (entity) => this.summary(entity, labels.get(entity.id) ?? ''),
      (entity) => [entity.frozenAt.toISOString(), entity.id],
    );
  }

  /** The frozen bulletin; a handler's copy holds only its own unit's rows. */
  async get(actor: Actor, id: string): Promise<BulletinView> {
    if (!UUID.test(id)) throw new NotFoundError(`bulletin ${id} not found`);
    const entity = await this.dataSource.manager.findOneBy(BulletinEntity, { id });
    if (!entity) throw new NotFoundError(`bulletin ${id} not found`);
    const view = this.toView(entity);
    return actor.role === 'handler' ? scopeToUnit(view, actor.unit) : view;
  }

  async export(actor: Actor, id: string, format: BulletinFormat): Promise<ExportFile> {
    const view = await this.get(actor, id);
    const zone = this.config.timeZone;
    if (format === 'json') {
      return {
        filename: bulletinFileName(view, 'json', zone),
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify(view, null, 2),
      };
    }
    if (format === 'csv') {
      return {
        filename: bulletinFileName(view, 'csv', zone),
        contentType: 'text/csv; charset=utf-8',
        body: bulletinCsv(view),
      };
    }
    return {
      filename: bulletinFileName(view, 'docx', zone),
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      body: await bulletinDocx(view, zone),
    };
  }

  /** Everything the bulletin says, taken now from the event log and the ledger. */
  async build(period: BulletinPeriod): Promise<BulletinContent> {
    // the heavy reads of a whole period go to the standby when there is one
    const manager = this.reads.manager;
    const zone = this.config.timeZone;
    // The period's last instant: the board of an instant includes what happened at it.
    const asOf = new Date(period.end.getTime() - 1);
    const unitRows: { code: string; name: string; kind: string; parent_code: string | null }[] = await manager.query(
      `SELECT code, name, kind, parent_code FROM units ORDER BY code`,
    );
    const unitNames = new Map(unitRows.map((row) => [row.code, row.name]));
    const office =
      unitRows.find((row) => row.kind === 'inspection_office' && !row.parent_code) ??
      unitRows.find((row) => row.kind === 'inspection_office');
    const [units, overdue, keyIssues, escalationRows, proposals] = await Promise.all([
      this.assessment.table({ from: period.start, to: period.end }),
      overdueAt(manager, asOf, unitNames),
      keyItemsAt(manager, period.start, asOf, unitNames),
      manager.query(
        `SELECT lead_unit AS unit, (data->>'level')::int AS level, count(*)::int AS n
           FROM issue_events
          WHERE type = 'issue.escalated' AND occurred_at >= $1 AND occurred_at < $2 AND lead_unit IS NOT NULL
          GROUP BY 1, 2`,
        [period.start, period.end],
      ) as Promise<{ unit: string; level: number; n: number }[]>,
      this.proposals.figures(period.start, period.end, period.end),
    ]);
    const escalationsByLevel: Record<string, number> = {};
    const byUnit = new Map<string, BulletinEscalationRow>();
    for (const row of escalationRows) {
      const level = String(row.level);
      escalationsByLevel[level] = (escalationsByLevel[level] ?? 0) + row.n;
      const unit = byUnit.get(row.unit) ?? {
        unit: row.unit,
        unitName: unitNames.get(row.unit) ?? row.unit,
        total: 0,
        byLevel: {},
      };
      unit.total += row.n;
      unit.byLevel[level] = (unit.byLevel[level] ?? 0) + row.n;
      byUnit.set(row.unit, unit);
    }
    return {
      periodLabel: bulletinPeriodLabel(period, zone),
      issuingOffice: office?.name ?? '督查室',
      asOf: asOf.toISOString(),
      units,
      overdue,
      escalations: Object.values(escalationsByLevel).reduce((total, n) => total + n, 0),
      escalationsByLevel,
      escalationsByUnit: [...byUnit.values()].sort((a, b) => b.total - a.total || a.unit.localeCompare(b.unit)),
      keyIssues,
      proposals,
    };
  }

  private summary(entity: BulletinEntity, periodLabel: string): BulletinSummary {
    return {
      id: entity.id,
      period: entity.period,
      kind: entity.kind,
      title: entity.title,
      periodLabel,
      from: entity.startsAt.toISOString(),
      to: entity.endsAt.toISOString(),
      frozenAt: entity.frozenAt.toISOString(),
      createdBy: entity.createdBy,
    };
  }

  private toView(entity: BulletinEntity): BulletinView {
    const content = entity.content as unknown as BulletinContent;
    return { ...this.summary(entity, content.periodLabel), ...content, buildMs: entity.buildMs };
  }
}
