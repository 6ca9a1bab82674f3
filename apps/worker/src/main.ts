import 'reflect-metadata';
import { runMigrations } from '@app/persistence';
import { exitCleanlyOnSignals, loadConfigOrExit } from '@app/platform';
import { createWorkerApp } from './worker-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  await runMigrations(config.databaseUrl);
  exitCleanlyOnSignals(await createWorkerApp(config), 'worker');
}

main().catch((error) => {
  console.error('the worker failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
