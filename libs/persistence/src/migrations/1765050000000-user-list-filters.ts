import { MigrationInterface, QueryRunner } from 'typeorm';

/** The admin console lists users by role and by unit, oldest first: an index for each of those lists. */
export class UserListFilters1765050000000 implements MigrationInterface {
  name = 'UserListFilters1765050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX users_role_created_idx ON users (role, created_at, id);
      CREATE INDEX users_unit_created_idx ON users (unit_code, created_at, id) WHERE unit_code IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX users_unit_created_idx; DROP INDEX users_role_created_idx;`);
  }
}
