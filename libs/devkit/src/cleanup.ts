// Cleanup for command-line runs (benches, the simulator): children, databases, Redis keys and folders go away
// however the run ends, each callback once, the last registered first.

/** A bad command line: printed without a stack, exit code 2. */
export class UsageError extends Error {}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const cleanups: { what: string; run: () => Promise<void> }[] = [];
let cleaningUp: Promise<void> | null = null;

export function onCleanup(what: string, run: () => Promise<void>): void {
  cleanups.push({ what, run });
}

/** Runs every registered callback once, in reverse order; a failing one is reported and the rest still run. */
function cleanup(): Promise<void> {
  cleaningUp ??= (async () => {
    for (const { what, run } of cleanups.reverse()) {
      await run().catch((error: unknown) => console.error(`cleanup (${what}) failed:`, errorMessage(error)));
    }
  })();
  return cleaningUp;
}

/**
 * Runs main(), cleans up on success, failure and SIGINT/SIGTERM/SIGHUP, and exits 0, 1, 2 (a UsageError), 130 (Ctrl-C)
 * or 143. A UsageError is printed as its message, after `name: ` when given.
 */
export function runMain(main: () => Promise<void>, { name }: { name?: string } = {}): void {
  // Output piped into `head` or a closed terminal must not end the run before it has cleaned up.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      interrupted = true;
      console.error(`\n${signal}: cleaning up`);
      void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
  main().then(
    () => cleanup().then(() => process.exit(0)),
    (error: unknown) => {
      // After Ctrl-C the run fails as its children go away; that error says nothing new.
      if (interrupted) return cleanup();
      const usage = error instanceof UsageError;
      console.error(usage ? `${name ? `${name}: ` : ''}${error.message}` : error);
      return cleanup().then(() => process.exit(usage ? 2 : 1));
    },
  );
}
