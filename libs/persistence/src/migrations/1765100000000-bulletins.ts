import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulletins (通报): frozen snapshots of the assessment table, the overdue board at a period's end, escalations and
 * key items. One per month or quarter; special bulletins over chosen dates have no period.
 */
export class Bulletins1765100000000 implements MigrationInterface {
  name = 'Bulletins1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bulletins (
        id uuid PRIMARY KEY,
        period varchar(7),
        kind varchar(16) NOT NULL CHECK (kind IN ('month', 'quarter', 'special')),
        title varchar(200) NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        frozen_at timestamptz NOT NULL,
        created_by varchar(64) NOT NULL,
        build_ms integer NOT NULL,
        content jsonb NOT NULL,
        CHECK (ends_at > starts_at),
        CHECK ((kind = 'special') = (period IS NULL))
      );
      -- the same month (or quarter) is published once
      CREATE UNIQUE INDEX bulletins_period_idx ON bulletins (period) WHERE period IS NOT NULL;
      -- the list, newest first
      CREATE INDEX bulletins_frozen_idx ON bulletins (frozen_at DESC, id DESC);
      -- a bulletin is a published record: the database refuses to change it (deleting stays possible for an admin's repair)
      CREATE FUNCTION bulletins_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'bulletins are frozen';
      END $$;
      CREATE TRIGGER bulletins_no_update BEFORE UPDATE ON bulletins FOR EACH ROW EXECUTE FUNCTION bulletins_immutable();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER bulletins_no_update ON bulletins;
      DROP FUNCTION bulletins_immutable();
      DROP TABLE bulletins;
    `);
  }
}
