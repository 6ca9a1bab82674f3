import { runMigrations } from '@app/persistence';
import { seedDemo } from './demo/demo-seed';

// `npm run seed:demo`: migrates the database at DATABASE_URL and adds the Qianxinan demo data to it.
async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error(
      'DATABASE_URL is not set. Set it to the database to seed; `npm start` without DATABASE_URL seeds its ' +
        'embedded database automatically.',
    );
    return 1;
  }
  await runMigrations(databaseUrl);
  const { users } = await seedDemo(databaseUrl);
  console.log('Demo data is in place (existing rows were left as they were). Demo users:');
  for (const u of users) console.log(`  ${u.username} / ${u.password}  (${u.role}${u.unit ? `, ${u.unit}` : ''})`);
  console.log('The admin is created by the API at start-up from ADMIN_USERNAME / ADMIN_PASSWORD.');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
