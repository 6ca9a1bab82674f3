import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read paths measured at a million issues (docs/BENCHMARKS.md): the summary reads an index alone, and the inbox's
 * co-unit branch has an index over open issues only.
 */
export class OversightReadPaths1764800000000 implements MigrationInterface {
  name = 'OversightReadPaths1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX issues_open_summary_idx;
      CREATE INDEX issues_open_summary_idx ON issues (lead_unit, escalation_level) INCLUDE (overdue, is_key)
        WHERE status NOT IN ('closed', 'withdrawn');
      CREATE INDEX issues_open_co_units_idx ON issues USING gin (co_units)
        WHERE status NOT IN ('closed', 'withdrawn');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX issues_open_co_units_idx;
      DROP INDEX issues_open_summary_idx;
      CREATE INDEX issues_open_summary_idx ON issues (lead_unit, overdue, escalation_level)
        WHERE status NOT IN ('closed', 'withdrawn');
    `);
  }
}
