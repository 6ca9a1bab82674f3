import 'reflect-metadata';
import { exitCleanlyOnSignals, loadConfigOrExit } from '@app/platform';
import { runMigrations } from '@app/persistence';
import { createApiApp } from './api-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env, { signsTokens: true });
  await runMigrations(config.databaseUrl);
  const starting = createApiApp(config);
  exitCleanlyOnSignals(starting, 'api');
  await (await starting).listen(config.port);
}

main().catch((error) => {
  // A taken port is a setting to change, not a crash: one line that names it.
  if (error?.code === 'EADDRINUSE') console.error(`port ${error.port} is in use: set PORT to a free port`);
  else console.error('the API failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
