// Waiting for something to happen, with a deadline: never a bare sleep where a condition can be polled.

export function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

export interface WaitOptions {
  /** How long between two checks. */
  everyMs?: number;
  /** Processes that must stay up meanwhile: one that has exited fails the wait at once, with its output. */
  watch?: readonly { assertRunning(): void }[];
}

/**
 * Polls `check` until it gives a value other than undefined or false, and returns that; a check that throws counts
 * as not yet. Fails after `timeoutMs`, naming `what` and the last error the check threw.
 */
export async function waitUntil<T>(
  what: string,
  timeoutMs: number,
  check: () => Promise<T | undefined | false>,
  { everyMs = 50, watch = [] }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    for (const process of watch) process.assertRunning();
    const value = await check().catch((error: unknown) => {
      lastError = error instanceof Error ? error.message : String(error);
      return undefined;
    });
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last: ${lastError})` : ''}`);
    }
    await delay(everyMs);
  }
}
