import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { pendingTimers, PlannedTimer } from '@app/domain';
import { OutboxWriter } from '@app/messaging';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { DeadlineService } from '../deadlines/deadline.service';
import { ChannelDeliveries } from '../notifications/channels/channel-deliveries.service';
import { DeadlineTimerService } from '../deadlines/deadline-timer.service';
import { RoutingService } from '../routing/routing.service';
import { WebhookService } from '../webhooks/webhook.service';

const BATCH = 500;

export interface SweepResult {
  fired: number;
  routed: number;
  rearmed: number;
  failed: number;
  deliveriesRequeued: number;
  /** E-mail and SMS deliveries whose jobs were lost. */
  channelDeliveriesRequeued: number;
}

export interface SweepOptions {
  /** Which timer job ids Redis does not hold (the worker asks Redis); without it every near timer is re-armed. */
  missingJobs?: (jobIds: string[]) => Promise<Set<string>>;
  /** Asked between issues: a worker shutting down stops the sweep there; the next sweep, anywhere, goes on. */
  stopping?: () => boolean;
}

/**
 * The safety net under Redis: PostgreSQL knows every timer, every unrouted issue and every pending delivery, so a
 * flushed or restarted Redis, or a worker that died holding jobs, loses nothing. Each sweep fires what should have
 * fired, routes what should have been routed, re-arms the timers falling due before the next sweep and re-queues
 * webhook, e-mail and SMS deliveries whose job was lost — each through its feature's own public function.
 */
@Injectable()
export class Reconciler {
  private readonly logger = new Logger(Reconciler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly timers: DeadlineTimerService,
    private readonly deadlines: DeadlineService,
    private readonly routing: RoutingService,
    private readonly outbox: OutboxWriter,
    private readonly webhooks: WebhookService,
    private readonly channels: ChannelDeliveries,
  ) {}

  async sweep(options: SweepOptions = {}): Promise<SweepResult> {
    const started = new Date();
    const stopping = options.stopping ?? (() => false);
    const result: SweepResult = {
      fired: 0,
      routed: 0,
      rearmed: 0,
      failed: 0,
      deliveriesRequeued: 0,
      channelDeliveriesRequeued: 0,
    };
    // An issue that fails is skipped for the rest of this sweep, so it cannot hold up the ones behind it.
    const failed: string[] = [];
    const repair = async (sql: string, since: Date, work: (id: string) => Promise<void>) => {
      for (;;) {
        const rows: { id: string }[] = await this.dataSource.query(sql, [since, BATCH, failed]);
        for (const { id } of rows) {
          if (stopping()) return;
          try {
            await work(id);
          } catch (error) {
            failed.push(id);
            result.failed += 1;
            this.logger.error(
              { err: error, issueId: id },
              'reconciler could not repair an issue; the next sweep retries',
            );
          }
        }
        if (rows.length < BATCH) return;
      }
    };
    await repair(
      `SELECT id FROM issues WHERE next_timer_at <= $1 AND NOT (id = ANY($3::uuid[])) ORDER BY next_timer_at LIMIT $2`,
      started,
      async (id) => {
        const outcome = await this.timers.fireDue(id);
        if (typeof outcome === 'object') result.fired += outcome.fired.length;
      },
    );
    await repair(
      `SELECT id FROM issues WHERE status = 'filed' AND filed_at < $1 AND NOT (id = ANY($3::uuid[]))
        ORDER BY filed_at LIMIT $2`,
      new Date(started.getTime() - this.config.routingGraceMs),
      async (id) => {
        if ((await this.routing.routeFiledIssue(id)) !== 'skipped') result.routed += 1;
      },
    );
    if (!stopping()) {
      result.rearmed = await this.rearm(new Date(), options.missingJobs);
      result.deliveriesRequeued = await this.webhooks.requeueStalled();
      result.channelDeliveriesRequeued = await this.channels.requeueStalled();
    }
    if (
      result.fired ||
      result.routed ||
      result.failed ||
      result.deliveriesRequeued ||
      result.channelDeliveriesRequeued
    ) {
      this.logger.warn(result, 'reconciler repaired what Redis had lost or delayed');
    }
    return result;
  }

  /** Timers due before the next sweep go (back) into the queue when Redis lacks them; ids are deterministic. */
  private async rearm(now: Date, missingJobs?: (jobIds: string[]) => Promise<Set<string>>): Promise<number> {
    const horizon = new Date(now.getTime() + 2 * this.config.reconcileIntervalMs);
    const rows: { id: string; deadline_version: number; timer_plan: PlannedTimer[]; timers_fired: string[] }[] =
      await this.dataSource.query(
        `SELECT id, deadline_version, timer_plan, timers_fired FROM issues
          WHERE next_timer_at > $1 AND next_timer_at <= $2 ORDER BY next_timer_at LIMIT 5000`,
        [now, horizon],
      );
    let jobs = rows.flatMap((row) =>
      this.deadlines.timerJobs(
        { id: row.id, deadlineVersion: row.deadline_version },
        pendingTimers(row.timer_plan, row.timers_fired).filter((timer) => new Date(timer.at) <= horizon),
      ),
    );
    if (missingJobs && jobs.length) {
      const missing = await missingJobs(jobs.map((job) => (job.payload as { jobId: string }).jobId));
      jobs = jobs.filter((job) => missing.has((job.payload as { jobId: string }).jobId));
    }
    if (jobs.length) await this.outbox.add(this.dataSource.manager, jobs);
    return jobs.length;
  }
}
