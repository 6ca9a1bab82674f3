interface Closable {
  close(): Promise<void>;
}

const GRACE_MS = 30_000;

/**
 * SIGTERM/SIGINT close the application (workers finish or release their jobs, then connections close) and exit 0.
 * Nest's own shutdown hooks re-raise the signal instead, which reads as a crash to a supervisor; a second
 * signal, or a close that hangs past the grace period, ends the process at once.
 */
export function exitCleanlyOnSignals(starting: Promise<Closable>, name: string): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      console.error(`${name}: second ${signal}; exiting now`);
      process.exit(1);
    }
    closing = true;
    console.error(`${name}: ${signal} received; shutting down`);
    setTimeout(() => {
      console.error(`${name}: shutdown took longer than ${GRACE_MS} ms; exiting`);
      process.exit(1);
    }, GRACE_MS).unref();
    // Installed before start-up: a signal during it waits for the app, then closes it.
    starting
      .then((app) => app.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(`${name}: shutdown failed:`, error);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
