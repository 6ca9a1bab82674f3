import 'reflect-metadata';
import { exitCleanlyOnSignals, loadConfigOrExit } from '@app/platform';
import { runMigrations } from '@app/persistence';
import { createApiApp } from './api-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  await runMigrations(config.databaseUrl);
  const app = await createApiApp(config);
  exitCleanlyOnSignals(app, 'api');
  await app.listen(config.port);
}

main().catch((error) => {
  console.error('the API failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
