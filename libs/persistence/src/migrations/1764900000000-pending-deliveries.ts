import { MigrationInterface, QueryRunner } from 'typeorm';

/** The reconciler looks for pending webhook deliveries whose jobs were lost. */
export class PendingDeliveries1764900000000 implements MigrationInterface {
  name = 'PendingDeliveries1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX webhook_deliveries_pending_idx ON webhook_deliveries (created_at) WHERE status = 'pending'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX webhook_deliveries_pending_idx`);
  }
}
