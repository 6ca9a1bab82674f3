import { ManagedProcess } from './processes';
import { waitUntil } from './wait';

const script = (code: string) => ['-e', code];

describe('ManagedProcess', () => {
  it('keeps the last lines of stdout and stderr', async () => {
    const child = ManagedProcess.spawn(
      'lines',
      process.execPath,
      script("for (let i = 1; i <= 5; i++) console.log('line ' + i); console.error('the end')"),
      { tailLines: 3 },
    );
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(child.output().split('\n')).toEqual(['line 4', 'line 5', 'the end']);
  });

  it('stops with SIGKILL when the stop signal is ignored for longer than the timeout', async () => {
    const child = ManagedProcess.spawn(
      'stubborn',
      process.execPath,
      script("process.on('SIGTERM', () => console.log('ignored')); console.log('up'); setInterval(() => {}, 1000)"),
    );
    await waitUntil('the child to be up', 5000, async () => child.output().includes('up'), { everyMs: 10 });
    expect(await child.stop(200)).toEqual({ exit: { code: null, signal: 'SIGKILL' }, forced: true });
    expect(child.running).toBe(false);
  });

  it('says why when it exits while starting, and that it died when nobody stopped it', async () => {
    const child = ManagedProcess.spawn(
      'quitter',
      process.execPath,
      script("console.error('no config'); process.exit(3)"),
    );
    const never = new Promise(() => undefined);
    await expect(child.failIfExits(never)).rejects.toThrow('quitter exited while starting:\nno config');
    await expect(child.died).resolves.toBe('quitter exited unexpectedly (code 3)\nno config');
  });

  it('does not report a stop it was asked for as a death', async () => {
    const child = ManagedProcess.spawn('sleeper', process.execPath, script('setInterval(() => {}, 1000)'));
    const died = child.died.then(() => 'died');
    expect((await child.stop()).exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect(await Promise.race([died, new Promise((done) => setImmediate(() => done('not reported')))])).toBe(
      'not reported',
    );
  });

  it('exits with no pid and the error in its output when the binary does not exist', async () => {
    const child = ManagedProcess.spawn('ghost', '/nonexistent/binary', []);
    expect(await child.exited).toEqual({ code: null, signal: null });
    expect(child.running).toBe(false);
    expect(child.output()).toContain('ENOENT');
  });
});
