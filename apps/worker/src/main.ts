import 'reflect-metadata';
import { runMigrations } from '@app/persistence';
import { exitCleanlyOnSignals, loadConfigOrExit } from '@app/platform';
import { createWorkerApp } from './worker-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  await runMigrations(config.databaseUrl);
  const starting = createWorkerApp(config);
  exitCleanlyOnSignals(starting, 'worker');
  await starting;
}

main().catch((error) => {
  console.error('the worker failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
