import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureApi } from './client';
import {
  backoffMs,
  BACKOFF_MAX_MS,
  POLL_INTERVAL_MS,
  PROBE_EVERY_POLLS,
  SseParser,
  STREAM_PATH,
  StreamConnection,
  toMessage,
  type StreamMessage,
} from './stream';

describe('SseParser', () => {
  it('parses events split across chunks anywhere, with CRLF, LF or CR line ends', () => {
    const parser = new SseParser();
    const text = 'event: issue\r\ndata: {"id":"a"}\r\n\r\n: keep-alive\n\nevent: notification\rdata: {"id":"n"}\r\r\n';
    const events = [...text].flatMap((char) => parser.feed(char));
    expect(events).toEqual([
      { event: 'issue', data: '{"id":"a"}', id: undefined },
      { event: 'notification', data: '{"id":"n"}', id: undefined },
    ]);
  });

  it('joins multi-line data, keeps the last id, defaults the event name, strips one leading space only', () => {
    const parser = new SseParser();
    expect(parser.feed('id: 7\ndata:  two spaces\ndata: next\n\n')).toEqual([
      { event: 'message', data: ' two spaces\nnext', id: '7' },
    ]);
  });

  it('ignores comments, unknown fields and blank lines with no data', () => {
    const parser = new SseParser();
    expect(parser.feed(':comment\nretry: 10\nfoo\n\n\n')).toEqual([]);
  });

  it('waits for the end of the event before dispatching', () => {
    const parser = new SseParser();
    expect(parser.feed('event: issue\ndata: {}\n')).toEqual([]);
    expect(parser.feed('\n')).toHaveLength(1);
  });
});

describe('toMessage', () => {
  it('types issue and notification events; drops others and bad JSON', () => {
    expect(toMessage({ event: 'issue', data: '{"id":"i","version":3}' })).toEqual({
      kind: 'issue',
      data: { id: 'i', version: 3 },
    });
    expect(toMessage({ event: 'notification', data: '{"id":"n"}' })?.kind).toBe('notification');
    expect(toMessage({ event: 'message', data: '{}' })).toBeNull();
    expect(toMessage({ event: 'issue', data: 'not json' })).toBeNull();
    expect(toMessage({ event: 'issue', data: '42' })).toBeNull();
  });
});

describe('backoff', () => {
  it('doubles from about a second and is capped at 30 s', () => {
    const mid = () => 0.5;
    expect(backoffMs(0, mid)).toBe(750);
    expect(backoffMs(1, mid)).toBe(1500);
    expect(backoffMs(3, mid)).toBe(6000);
    expect(backoffMs(50, () => 1)).toBe(BACKOFF_MAX_MS);
    expect(backoffMs(50, () => 0)).toBe(BACKOFF_MAX_MS / 2);
  });
});

/** A fetch whose answers the test scripts; a stream body the test writes to. */
function harness() {
  const timers: { fn: () => void; ms: number }[] = [];
  const bodies: ReadableStreamDefaultController<Uint8Array>[] = [];
  const answers: (() => Response | Promise<Response>)[] = [];
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), headers: init?.headers as Record<string, string> });
    const next = answers.shift();
    if (!next) throw new TypeError('network down');
    return next();
  });
  const open = () => () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start: (controller) => void bodies.push(controller),
      }),
      { status: 200, headers: { 'Content-Type': 'text/event-stream' } },
    );
  const connection = new StreamConnection({
    fetch: fetch as unknown as typeof globalThis.fetch,
    setTimeout: (fn, ms) => timers.push({ fn, ms }),
    clearTimeout: () => undefined,
    random: () => 0.5,
  });
  const heard: StreamMessage[] = [];
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  const runTimer = async () => {
    const timer = timers.shift();
    if (!timer) throw new Error('no timer pending');
    timer.fn();
    await flush();
    await flush();
    return timer.ms;
  };
  return { fetch, calls, answers, open, bodies, connection, heard, flush, runTimer, timers };
}

describe('StreamConnection', () => {
  afterEach(() => configureApi({ token: () => null, onUnauthorized: () => undefined }));

  it('connects with the bearer token, resyncs on connect, and hears typed events', async () => {
    configureApi({ token: () => 'tok' });
    const h = harness();
    h.answers.push(h.open());
    h.connection.subscribe((m) => h.heard.push(m));
    await h.flush();
    await h.flush();
    expect(h.calls[0]).toEqual({
      url: STREAM_PATH,
      headers: { Authorization: 'Bearer tok', Accept: 'text/event-stream' },
    });
    expect(h.connection.mode).toBe('open');
    h.bodies[0]!.enqueue(new TextEncoder().encode('event: issue\ndata: {"id":"i1","status":"assigned"}\n\n'));
    h.bodies[0]!.enqueue(new TextEncoder().encode('event: notification\ndata: {"id":"n1"}\n\n'));
    await h.flush();
    await h.flush();
    expect(h.heard.map((m) => m.kind)).toEqual(['resync', 'issue', 'notification']);
  });

  it('after a drop it reconnects with growing backoff, and resyncs again once back', async () => {
    configureApi({ token: () => 'tok' });
    const h = harness();
    h.answers.push(h.open());
    h.connection.subscribe((m) => h.heard.push(m));
    await h.flush();
    await h.flush();
    h.bodies[0]!.close(); // the server went away
    await h.flush();
    await h.flush();
    expect(h.connection.mode).toBe('waiting');
    expect(await h.runTimer()).toBe(750); // attempt 0: network down
    expect(await h.runTimer()).toBe(1500); // attempt 1: down again
    h.answers.push(h.open());
    expect(await h.runTimer()).toBe(3000);
    expect(h.connection.mode).toBe('open');
    expect(h.heard.filter((m) => m.kind === 'resync')).toHaveLength(2);
  });

  it('without a stream (404) it polls every 15 s with a resync, quietly, looking again every 20 polls', async () => {
    configureApi({ token: () => 'tok' });
    const errors = vi.spyOn(console, 'error');
    const warnings = vi.spyOn(console, 'warn');
    const h = harness();
    h.answers.push(() => new Response('{"statusCode":404}', { status: 404 }));
    h.connection.subscribe((m) => h.heard.push(m));
    await h.flush();
    await h.flush();
    expect(h.connection.mode).toBe('polling');
    for (let i = 1; i < PROBE_EVERY_POLLS; i++) expect(await h.runTimer()).toBe(POLL_INTERVAL_MS);
    expect(h.heard).toHaveLength(PROBE_EVERY_POLLS - 1);
    expect(h.heard.every((m) => m.kind === 'resync')).toBe(true);
    expect(h.fetch).toHaveBeenCalledTimes(1);
    h.answers.push(() => new Response('', { status: 404 }));
    await h.runTimer(); // the 20th poll looks for the stream again
    expect(h.fetch).toHaveBeenCalledTimes(2);
    expect(h.connection.mode).toBe('polling');
    expect(errors).not.toHaveBeenCalled();
    expect(warnings).not.toHaveBeenCalled();
  });

  it('a 401 ends the session instead of retrying', async () => {
    const onUnauthorized = vi.fn();
    configureApi({ token: () => 'old', onUnauthorized });
    const h = harness();
    h.answers.push(() => new Response('', { status: 401 }));
    h.connection.subscribe((m) => h.heard.push(m));
    await h.flush();
    await h.flush();
    expect(onUnauthorized).toHaveBeenCalledOnce();
    expect(h.connection.mode).toBe('idle');
    expect(h.timers).toHaveLength(0);
  });

  it('does not connect without a token, and stops when the last listener leaves', async () => {
    const h = harness();
    const off = h.connection.subscribe(() => undefined);
    await h.flush();
    expect(h.fetch).not.toHaveBeenCalled();
    configureApi({ token: () => 'tok' });
    h.answers.push(h.open());
    h.connection.restart();
    await h.flush();
    await h.flush();
    expect(h.connection.mode).toBe('open');
    off();
    expect(h.connection.mode).toBe('idle');
  });

  it('one failing handler does not stop the others', async () => {
    configureApi({ token: () => 'tok' });
    const h = harness();
    h.answers.push(h.open());
    h.connection.subscribe(() => {
      throw new Error('page bug');
    });
    h.connection.subscribe((m) => h.heard.push(m));
    await h.flush();
    await h.flush();
    expect(h.heard.map((m) => m.kind)).toEqual(['resync']);
  });
});
