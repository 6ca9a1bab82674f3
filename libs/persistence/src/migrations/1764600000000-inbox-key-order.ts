import { MigrationInterface, QueryRunner } from 'typeorm';

/** The inbox now lists key issues first: its index follows the new order. */
export class InboxKeyOrder1764600000000 implements MigrationInterface {
  name = 'InboxKeyOrder1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX issues_inbox_idx;
      CREATE INDEX issues_inbox_idx ON issues
        (lead_unit, (NOT is_key), (NOT overdue), (coalesce(due_at, 'infinity'::timestamptz)), id)
        WHERE status NOT IN ('closed', 'withdrawn');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX issues_inbox_idx;
      CREATE INDEX issues_inbox_idx ON issues (lead_unit, (NOT overdue), (coalesce(due_at, 'infinity'::timestamptz)), id)
        WHERE status NOT IN ('closed', 'withdrawn');
    `);
  }
}
