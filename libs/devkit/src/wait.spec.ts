import { waitUntil } from './wait';

describe('waitUntil', () => {
  it('returns the first value that is neither undefined nor false, retrying checks that throw', async () => {
    let calls = 0;
    const check = async () => {
      calls += 1;
      if (calls === 1) throw new Error('not yet');
      return calls < 3 ? false : calls;
    };
    await expect(waitUntil('the third call', 1000, check, { everyMs: 1 })).resolves.toBe(3);
  });

  it('fails after the timeout, naming what it waited for and the last error', async () => {
    const check = async (): Promise<boolean> => {
      throw new Error('connection refused');
    };
    await expect(waitUntil('the server', 20, check, { everyMs: 5 })).rejects.toThrow(
      'timed out after 20 ms waiting for the server (last: connection refused)',
    );
  });

  it('gives up at once when a watched process has exited', async () => {
    const gone = {
      assertRunning: () => {
        throw new Error('worker exited unexpectedly');
      },
    };
    await expect(waitUntil('routing', 60_000, async () => false, { watch: [gone] })).rejects.toThrow(
      'worker exited unexpectedly',
    );
  });
});
