import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the web app and the admin console need: accounts that can be reached and retired (with a token version that
 * ends their sessions), reference data that can be retired, the audit log of every change, evidence files, and the
 * indexes behind the issue list's search and sort.
 */
export class AccountsAndAttachments1765000000000 implements MigrationInterface {
  name = 'AccountsAndAttachments1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN email varchar(254),
        ADD COLUMN phone varchar(32),
        ADD COLUMN active boolean NOT NULL DEFAULT true,
        ADD COLUMN token_version integer NOT NULL DEFAULT 0,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
      ALTER TABLE units ADD COLUMN active boolean NOT NULL DEFAULT true;
      ALTER TABLE categories ADD COLUMN active boolean NOT NULL DEFAULT true;

      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor varchar(64) NOT NULL,
        action varchar(64) NOT NULL,
        target_type varchar(32) NOT NULL,
        target_id varchar(128) NOT NULL,
        before jsonb,
        after jsonb,
        occurred_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX audit_log_time_idx ON audit_log (occurred_at DESC, id DESC);
      CREATE INDEX audit_log_actor_idx ON audit_log (actor, occurred_at DESC, id DESC);
      CREATE INDEX audit_log_target_idx ON audit_log (target_type, occurred_at DESC, id DESC);

      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        uploaded_by varchar(64) NOT NULL,
        filename varchar(255) NOT NULL,
        content_type varchar(100) NOT NULL,
        size integer NOT NULL CHECK (size >= 0),
        sha256 char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX attachments_uploader_idx ON attachments (uploaded_by, created_at DESC);
      -- The bytes apart from the metadata: a list never reads them, and another store can replace this table.
      CREATE TABLE attachment_contents (
        attachment_id uuid PRIMARY KEY REFERENCES attachments(id) ON DELETE CASCADE,
        content bytea NOT NULL
      );
      -- Which issues cite an attachment as evidence: who may read the file follows who may see those issues.
      CREATE TABLE issue_attachments (
        issue_id uuid NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
        attachment_id uuid NOT NULL REFERENCES attachments(id) ON DELETE RESTRICT,
        PRIMARY KEY (attachment_id, issue_id)
      );

      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE INDEX issues_title_trgm_idx ON issues USING gin (title gin_trgm_ops);
      -- The list sorted by due time: issues without one sort last.
      CREATE INDEX issues_due_idx ON issues ((coalesce(due_at, 'infinity'::timestamptz)), id);
      CREATE INDEX issues_key_idx ON issues (filed_at DESC, id DESC) WHERE is_key;
      -- Closures per week, for the inspection office's trend.
      CREATE INDEX issues_closed_idx ON issues (closed_at) WHERE closed_at IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX issues_closed_idx;
      DROP INDEX issues_key_idx;
      DROP INDEX issues_due_idx;
      DROP INDEX issues_title_trgm_idx;
      DROP TABLE issue_attachments;
      DROP TABLE attachment_contents;
      DROP TABLE attachments;
      DROP TABLE audit_log;
      ALTER TABLE categories DROP COLUMN active;
      ALTER TABLE units DROP COLUMN active;
      ALTER TABLE users DROP COLUMN email, DROP COLUMN phone, DROP COLUMN active, DROP COLUMN token_version,
        DROP COLUMN updated_at;
    `);
  }
}
