import { MigrationInterface, QueryRunner } from 'typeorm';

export class DeadlinesAndNotifications1764400000000 implements MigrationInterface {
  name = 'DeadlinesAndNotifications1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE issues
        ADD COLUMN clock_started_at timestamptz,
        ADD COLUMN original_due_at timestamptz,
        ADD COLUMN rectification_submitted_at timestamptz,
        ADD COLUMN verify_due_at timestamptz,
        ADD COLUMN timer_plan jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN timers_fired text[] NOT NULL DEFAULT '{}',
        ADD COLUMN next_timer_at timestamptz,
        ADD COLUMN remind_from_at timestamptz,
        ADD COLUMN remind_last_at timestamptz;
      -- the reconciler's sweep: timers that should have fired
      CREATE INDEX issues_next_timer_idx ON issues (next_timer_at) WHERE next_timer_at IS NOT NULL;
      -- the oversight summary: counts per unit over open issues, from the index alone
      CREATE INDEX issues_open_summary_idx ON issues (lead_unit, overdue, escalation_level)
        WHERE status NOT IN ('closed', 'withdrawn');
      -- the blue and yellow columns of the board: open issues inside or past their reminder window
      CREATE INDEX issues_reminder_window_idx ON issues (remind_from_at)
        WHERE NOT overdue AND status NOT IN ('closed', 'withdrawn');
      -- routing's safety net: issues still filed after their job should have run
      CREATE INDEX issues_filed_pending_idx ON issues (filed_at) WHERE status = 'filed';

      -- job ids must not repeat across databases that share a Redis (a reset database restarts the bigserial)
      ALTER TABLE outbox ADD COLUMN job_key uuid NOT NULL DEFAULT gen_random_uuid();

      CREATE TABLE extension_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        issue_id uuid NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
        unit_code varchar(64) NOT NULL,
        requested_by varchar(64) NOT NULL,
        requested_due_at timestamptz NOT NULL,
        previous_due_at timestamptz,
        reason text NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending',
        decided_by varchar(64),
        decided_at timestamptz,
        comment text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX extension_requests_issue_idx ON extension_requests (issue_id, created_at);
      CREATE UNIQUE INDEX extension_requests_one_pending_idx ON extension_requests (issue_id) WHERE status = 'pending';

      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dedupe_key varchar(300) NOT NULL UNIQUE,
        type varchar(32) NOT NULL,
        issue_id uuid NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
        unit_code varchar(64),
        username varchar(64),
        level integer,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        deliver_after timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        read_at timestamptz
      );
      CREATE INDEX notifications_unit_idx ON notifications (unit_code, created_at DESC, id DESC) WHERE unit_code IS NOT NULL;
      CREATE INDEX notifications_user_idx ON notifications (username, created_at DESC, id DESC) WHERE username IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE notifications;
      DROP TABLE extension_requests;
      ALTER TABLE outbox DROP COLUMN job_key;
      DROP INDEX issues_filed_pending_idx;
      DROP INDEX issues_reminder_window_idx;
      DROP INDEX issues_open_summary_idx;
      DROP INDEX issues_next_timer_idx;
      ALTER TABLE issues
        DROP COLUMN clock_started_at, DROP COLUMN original_due_at, DROP COLUMN rectification_submitted_at,
        DROP COLUMN verify_due_at, DROP COLUMN timer_plan, DROP COLUMN timers_fired, DROP COLUMN next_timer_at,
        DROP COLUMN remind_from_at, DROP COLUMN remind_last_at;
    `);
  }
}
