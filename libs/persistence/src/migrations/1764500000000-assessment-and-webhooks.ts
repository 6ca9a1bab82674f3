import { MigrationInterface, QueryRunner } from 'typeorm';

const DEFAULT_RULES = [
  { event: 'issue.acknowledge_overdue', points: -1 },
  { event: 'issue.overdue', points: -2 },
  { event: 'issue.escalated', when: { level: 1 }, points: -1 },
  { event: 'issue.escalated', when: { level: 2 }, points: -2 },
  { event: 'issue.escalated', when: { level: 3 }, points: -3 },
  { event: 'issue.reopened', points: -2 },
  { event: 'issue.accepted', when: { satisfaction: 'basically_satisfied' }, points: -0.5 },
  { event: 'issue.accepted', when: { satisfaction: 'unsatisfied' }, points: -2 },
  { event: 'issue.routed', when: { overruledReturn: true }, points: -1 },
  { event: 'issue.accepted', when: { onTime: true }, points: 1 },
];

export class AssessmentAndWebhooks1764500000000 implements MigrationInterface {
  name = 'AssessmentAndWebhooks1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX issue_events_unit_idx ON issue_events (lead_unit, occurred_at);

      CREATE TABLE assessment_rule_sets (
        version serial PRIMARY KEY,
        base numeric NOT NULL,
        rules jsonb NOT NULL,
        created_by varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE assessment_evaluations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_code varchar(64) NOT NULL REFERENCES units(code) ON DELETE CASCADE,
        period varchar(7) NOT NULL,
        score numeric NOT NULL,
        comment text,
        evaluated_by varchar(64) NOT NULL,
        counts_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX assessment_evaluations_unit_idx ON assessment_evaluations (unit_code, period);

      -- every point of every score, each traceable to the event (or evaluation) that earned it
      CREATE TABLE assessment_ledger (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid REFERENCES issue_events(id) ON DELETE RESTRICT,
        evaluation_id uuid REFERENCES assessment_evaluations(id) ON DELETE CASCADE,
        issue_id uuid REFERENCES issues(id) ON DELETE RESTRICT,
        unit_code varchar(64) NOT NULL,
        rule varchar(200) NOT NULL,
        rule_index integer NOT NULL,
        rule_version integer NOT NULL,
        points numeric NOT NULL,
        occurred_at timestamptz NOT NULL,
        period varchar(4) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((event_id IS NULL) <> (evaluation_id IS NULL))
      );
      -- a redelivered event scores once
      CREATE UNIQUE INDEX assessment_ledger_event_rule_idx ON assessment_ledger (event_id, rule_version, rule_index)
        WHERE event_id IS NOT NULL;
      CREATE INDEX assessment_ledger_unit_idx ON assessment_ledger (unit_code, occurred_at);
      CREATE INDEX assessment_ledger_time_idx ON assessment_ledger (occurred_at);

      CREATE TABLE webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url varchar(2000) NOT NULL,
        events text[] NOT NULL,
        secret varchar(256) NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_by varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX webhooks_events_idx ON webhooks USING gin (events) WHERE active;

      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        webhook_id uuid NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        event_type varchar(64) NOT NULL,
        payload jsonb NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        last_status_code integer,
        last_error text,
        last_attempt_at timestamptz,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (webhook_id, event_id)
      );
      CREATE INDEX webhook_deliveries_list_idx ON webhook_deliveries (webhook_id, created_at DESC, id DESC);
    `);
    await q.query(`INSERT INTO assessment_rule_sets (base, rules, created_by) VALUES (100, $1, 'system')`, [
      JSON.stringify(DEFAULT_RULES),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE webhook_deliveries;
      DROP TABLE webhooks;
      DROP TABLE assessment_ledger;
      DROP TABLE assessment_evaluations;
      DROP TABLE assessment_rule_sets;
      DROP INDEX issue_events_unit_idx;
    `);
  }
}
