import { MigrationInterface, QueryRunner } from 'typeorm';

/** A rule's name can be as long as its `when`; one democratic evaluation per unit and period; the inspectors' queue of extension requests. */
export class AssessmentConstraints1764700000000 implements MigrationInterface {
  name = 'AssessmentConstraints1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE assessment_ledger ALTER COLUMN rule TYPE text;
      CREATE UNIQUE INDEX assessment_evaluations_unit_period_key ON assessment_evaluations (unit_code, period);
      CREATE INDEX extension_requests_status_idx ON extension_requests (status, created_at, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX extension_requests_status_idx;
      DROP INDEX assessment_evaluations_unit_period_key;
      ALTER TABLE assessment_ledger ALTER COLUMN rule TYPE varchar(200);
    `);
  }
}
