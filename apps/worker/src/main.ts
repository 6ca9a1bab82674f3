import 'reflect-metadata';
import { runMigrations } from '@app/persistence';
import { exitCleanlyOnSignals, loadConfigOrExit } from '@app/platform';
import { createWorkerApp } from './worker-app';

async function main(): Promise<void> {
  // The health server reports a taken port as an 'error' event, which arrives as an uncaught exception. The monitor
  // sees it before Node prints a stack and turns it into one line that names the setting; any other crash is left
  // to Node as before.
  process.on('uncaughtExceptionMonitor', (error: NodeJS.ErrnoException & { port?: number }) => {
    if (error.code !== 'EADDRINUSE') return;
    console.error(`port ${error.port} is in use: set WORKER_HEALTH_PORT to a free port`);
    process.exit(1);
  });
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
