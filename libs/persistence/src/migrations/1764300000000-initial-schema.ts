import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764300000000 implements MigrationInterface {
  name = 'InitialSchema1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE regions (
        code varchar(6) PRIMARY KEY,
        name varchar(200) NOT NULL,
        parent_code varchar(6) REFERENCES regions(code) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX regions_parent_idx ON regions (parent_code);

      CREATE TABLE units (
        code varchar(64) PRIMARY KEY,
        name varchar(200) NOT NULL,
        kind varchar(32) NOT NULL,
        region_code varchar(6) NOT NULL REFERENCES regions(code) ON DELETE RESTRICT,
        parent_code varchar(64) REFERENCES units(code) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX units_region_idx ON units (region_code);
      CREATE INDEX units_parent_idx ON units (parent_code);

      CREATE TABLE categories (
        code varchar(64) PRIMARY KEY,
        name varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL UNIQUE,
        password_hash varchar(100) NOT NULL,
        display_name varchar(200) NOT NULL,
        role varchar(16) NOT NULL,
        unit_code varchar(64) REFERENCES units(code) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX users_created_idx ON users (created_at, id);

      CREATE TABLE routing_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        category_code varchar(64) REFERENCES categories(code) ON DELETE CASCADE,
        region_code varchar(6) REFERENCES regions(code) ON DELETE CASCADE,
        lead_unit varchar(64) NOT NULL REFERENCES units(code) ON DELETE CASCADE,
        co_units text[] NOT NULL DEFAULT '{}',
        priority integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX routing_rules_category_idx ON routing_rules (category_code);
      CREATE INDEX routing_rules_region_idx ON routing_rules (region_code);

      CREATE TABLE deadline_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        severity varchar(16) NOT NULL,
        category_code varchar(64) REFERENCES categories(code) ON DELETE CASCADE,
        calendar varchar(16) NOT NULL,
        acknowledge_within varchar(64) NOT NULL,
        resolve_within varchar(64) NOT NULL,
        remind_at double precision[] NOT NULL DEFAULT '{0.5,0.8}',
        escalations jsonb NOT NULL DEFAULT '[]',
        verify_within varchar(64) NOT NULL DEFAULT 'P5D',
        max_returns integer NOT NULL DEFAULT 2,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- one policy per (severity, category); the severity-only one has no category
      CREATE UNIQUE INDEX deadline_policies_key_idx ON deadline_policies (severity, coalesce(category_code, ''));

      CREATE TABLE calendar_days (
        day date PRIMARY KEY,
        type varchar(16) NOT NULL,
        name varchar(200),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE SEQUENCE issue_reference_seq;

      CREATE TABLE issues (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference_no varchar(32) NOT NULL UNIQUE,
        kind varchar(16) NOT NULL,
        title varchar(200) NOT NULL,
        description text NOT NULL,
        category_code varchar(64) NOT NULL REFERENCES categories(code) ON DELETE RESTRICT,
        region_code varchar(6) NOT NULL REFERENCES regions(code) ON DELETE RESTRICT,
        severity varchar(16) NOT NULL,
        source varchar(32) NOT NULL,
        location jsonb NOT NULL DEFAULT '{}',
        evidence jsonb NOT NULL DEFAULT '[]',
        status varchar(32) NOT NULL,
        lead_unit varchar(64) REFERENCES units(code) ON DELETE RESTRICT,
        co_units text[] NOT NULL DEFAULT '{}',
        returned_by_units text[] NOT NULL DEFAULT '{}',
        return_count integer NOT NULL DEFAULT 0,
        filed_by varchar(64) NOT NULL,
        filed_at timestamptz NOT NULL,
        assigned_at timestamptz,
        acknowledged_at timestamptz,
        acknowledge_due_at timestamptz,
        due_at timestamptz,
        overdue boolean NOT NULL DEFAULT false,
        escalation_level integer NOT NULL DEFAULT 0,
        reopen_count integer NOT NULL DEFAULT 0,
        is_key boolean NOT NULL DEFAULT false,
        closed_at timestamptz,
        deadline_version integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX issues_filed_idx ON issues (filed_at DESC, id DESC);
      CREATE INDEX issues_filed_by_idx ON issues (filed_by, filed_at DESC, id DESC);
      CREATE INDEX issues_lead_unit_idx ON issues (lead_unit, filed_at DESC, id DESC);
      CREATE INDEX issues_status_idx ON issues (status, filed_at DESC, id DESC);
      CREATE INDEX issues_co_units_idx ON issues USING gin (co_units);
      -- the unit inbox: open issues, overdue first, then by due time
      CREATE INDEX issues_inbox_idx ON issues (lead_unit, (NOT overdue), (coalesce(due_at, 'infinity'::timestamptz)), id)
        WHERE status NOT IN ('closed', 'withdrawn');
      -- the overdue board
      CREATE INDEX issues_overdue_idx ON issues (due_at, id)
        WHERE overdue AND status NOT IN ('closed', 'withdrawn');

      CREATE TABLE issue_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        issue_id uuid NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        type varchar(64) NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor_username varchar(64) NOT NULL,
        actor_role varchar(16),
        lead_unit varchar(64),
        data jsonb NOT NULL DEFAULT '{}',
        UNIQUE (issue_id, seq)
      );
      CREATE INDEX issue_events_type_idx ON issue_events (type, occurred_at);

      -- events are facts: the database refuses to change or delete one
      CREATE FUNCTION issue_events_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'issue_events rows are immutable';
      END $$;
      CREATE TRIGGER issue_events_no_update BEFORE UPDATE OR DELETE ON issue_events
        FOR EACH ROW EXECUTE FUNCTION issue_events_immutable();

      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        queue varchar(64) NOT NULL,
        job_name varchar(64) NOT NULL,
        payload jsonb NOT NULL,
        delay_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      );
      CREATE INDEX outbox_pending_idx ON outbox (id) WHERE published_at IS NULL;
      CREATE INDEX outbox_published_idx ON outbox (published_at) WHERE published_at IS NOT NULL;

      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox', '');
        RETURN NULL;
      END $$;
      CREATE TRIGGER outbox_after_insert AFTER INSERT ON outbox
        FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

      CREATE TABLE idempotency_keys (
        username varchar(64) NOT NULL,
        key varchar(200) NOT NULL,
        issue_id uuid NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (username, key)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE idempotency_keys;
      DROP TABLE outbox;
      DROP FUNCTION outbox_notify();
      DROP TABLE issue_events;
      DROP FUNCTION issue_events_immutable();
      DROP TABLE issues;
      DROP SEQUENCE issue_reference_seq;
      DROP TABLE calendar_days;
      DROP TABLE deadline_policies;
      DROP TABLE routing_rules;
      DROP TABLE users;
      DROP TABLE categories;
      DROP TABLE units;
      DROP TABLE regions;
    `);
  }
}
