import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { constants } from 'node:os';
import { ManagedProcess, spawnNode } from '@app/devkit';
import { LocalServices, projectRoot, startLocalServices } from './local-services';

// `npm test`: the back end's tests (jest: unit and end-to-end), the web app's (Vitest) and the browser tests
// (Playwright driving Chromium against the real service), against DATABASE_URL / REDIS_URL, or against a throwaway
// PostgreSQL and Redis started here (data in a fresh .data/test-* folder, removed afterwards) when they are unset.
// `npm test -- <jest args…>` runs jest alone with those arguments; `--config …` passes another jest config.

async function main(): Promise<number> {
  const root = projectRoot();
  const args = process.argv.slice(2);
  if (process.env.CI === 'true' && !args.includes('--ci')) args.unshift('--ci');

  let running: ManagedProcess | undefined;
  let signalled: NodeJS.Signals | undefined;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      signalled = signal;
      running?.kill(signal);
    });
  }

  const env: NodeJS.ProcessEnv = { ...process.env };
  let services: LocalServices | undefined;
  let tempDir: string | undefined;
  try {
    if (!env.DATABASE_URL || !env.REDIS_URL) {
      await mkdir(join(root, '.data'), { recursive: true });
      tempDir = await mkdtemp(join(root, '.data', 'test-'));
      await chmod(tempDir, 0o711); // mkdtemp makes it 0700; a root run's postgres user must pass through it
      services = await startLocalServices({
        dataDir: tempDir,
        persistent: false,
        postgres: !env.DATABASE_URL,
        redis: !env.REDIS_URL,
      });
      // A superuser connection: the e2e global setup creates a database per test file from it.
      env.DATABASE_URL ||= services.databaseUrl;
      env.REDIS_URL ||= services.redisUrl;
      void services.died.then((message) => {
        console.error(message);
        running?.kill('SIGTERM');
      });
    }
    if (signalled) return 128 + constants.signals[signalled];

    const bin = (name: string) => join(root, 'node_modules', '.bin', name);
    // Arguments (a file, a --config) ask for jest alone; without them every suite runs, and the first to fail ends it.
    const suites: [string, string, string[]][] = [['jest', bin('jest'), args]];
    if (process.argv.length === 2) {
      suites.push(['vitest', bin('vitest'), ['run', '--root', 'apps/web']]);
      suites.push(['playwright', bin('playwright'), ['test', '-c', 'test/browser/playwright.config.ts']]);
    }
    for (const [name, script, suiteArgs] of suites) {
      // In our process group: a Ctrl-C on the terminal reaches the runner and its workers as well as us.
      running = spawnNode(name, script, { args: suiteArgs, cwd: root, env, stdio: 'inherit', detached: false });
      const { code, signal } = await running.exited;
      const status = code ?? 128 + (signal ? constants.signals[signal] : 0);
      if (status !== 0 || signalled) return status;
    }
    return 0;
  } finally {
    await services?.stop();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
