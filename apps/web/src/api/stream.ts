import { onScopeDispose, getCurrentScope } from 'vue';
import { bearer, unauthorized } from './client';
import type { Notification } from './types';
import type { IssueStatus } from './types';

/** The one URL outside the generated client: EventSource cannot send an Authorization header, fetch can. */
export const STREAM_PATH = '/api/v1/stream';
/** Without a stream (404 until the API has it), pages re-read this often. */
export const POLL_INTERVAL_MS = 15_000;
/** While polling, look for the stream again every so many polls. */
export const PROBE_EVERY_POLLS = 20;
export const BACKOFF_MIN_MS = 1_000;
export const BACKOFF_MAX_MS = 30_000;

/** `event: issue`: one timeline event of an issue the caller may see. */
export interface IssueStreamEvent {
  id: string;
  type: string;
  status: IssueStatus;
  leadUnit: string | null;
  coUnits: string[];
  overdue: boolean;
  escalationLevel: number;
  version: number;
  occurredAt: string;
}

export type StreamMessage =
  | { kind: 'issue'; data: IssueStreamEvent }
  | { kind: 'notification'; data: Notification }
  /** After every (re)connect, and each poll without a stream: what was missed is unknown, re-read lists. */
  | { kind: 'resync' };

export type StreamHandler = (message: StreamMessage) => void;

export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/** The text/event-stream format (WHATWG HTML, "Server-sent events"), fed chunk by chunk. */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private event = '';
  private id: string | undefined;

  feed(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const out: SseEvent[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      // A lone CR at the end may be the first half of CRLF: wait for the next chunk.
      if (!match || (match[0] === '\r' && match.index === this.buffer.length - 1)) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const event = this.line(line);
      if (event) out.push(event);
    }
    return out;
  }

  private line(line: string): SseEvent | null {
    if (line === '') {
      if (this.data.length === 0) {
        this.event = '';
        return null;
      }
      const event: SseEvent = { event: this.event || 'message', data: this.data.join('\n'), id: this.id };
      this.data = [];
      this.event = '';
      return event;
    }
    if (line.startsWith(':')) return null; // a comment: the keep-alive
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    return null;
  }
}

/** Capped exponential backoff with jitter: attempt 0 → about 1 s, then 2, 4, … up to 30 s. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.min(attempt, 16));
  return Math.round(base / 2 + (base / 2) * random());
}

export function toMessage(event: SseEvent): StreamMessage | null {
  if (event.event !== 'issue' && event.event !== 'notification') return null;
  let data: unknown;
  try {
    data = JSON.parse(event.data);
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  return event.event === 'issue'
    ? { kind: 'issue', data: data as IssueStreamEvent }
    : { kind: 'notification', data: data as Notification };
}

export interface StreamDeps {
  fetch: typeof fetch;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  random: () => number;
}

export type StreamMode = 'idle' | 'connecting' | 'open' | 'polling' | 'waiting';

/**
 * One connection for the whole app, open while anyone listens and someone is logged in. A drop reconnects
 * with backoff; a 404 (no stream on this API yet) falls back to a resync every 15 s, quietly: nothing is
 * logged, and the stream is looked for again only every 20 polls.
 */
export class StreamConnection {
  private handlers = new Set<StreamHandler>();
  private controller: AbortController | null = null;
  private timer: unknown = null;
  private attempt = 0;
  private polls = 0;
  private generation = 0;
  mode: StreamMode = 'idle';

  constructor(private readonly deps: StreamDeps) {}

  subscribe(handler: StreamHandler): () => void {
    this.handlers.add(handler);
    if (this.mode === 'idle') this.start();
    return () => {
      this.handlers.delete(handler);
      if (this.handlers.size === 0) this.stop();
    };
  }

  /** Drop the connection and start again, e.g. after logging in as someone else. */
  restart(): void {
    this.stop();
    if (this.handlers.size > 0) this.start();
  }

  stop(): void {
    this.generation += 1;
    this.controller?.abort();
    this.controller = null;
    if (this.timer !== null) this.deps.clearTimeout(this.timer);
    this.timer = null;
    this.mode = 'idle';
  }

  private start(): void {
    this.attempt = 0;
    void this.connect(++this.generation);
  }

  private emit(message: StreamMessage): void {
    for (const handler of [...this.handlers]) {
      try {
        handler(message);
      } catch {
        // one page's handler must not stop the others from hearing
      }
    }
  }

  private later(generation: number, ms: number, next: () => void): void {
    this.timer = this.deps.setTimeout(() => {
      this.timer = null;
      if (generation === this.generation) next();
    }, ms);
  }

  private async connect(generation: number): Promise<void> {
    const auth = bearer();
    if (!auth) {
      this.mode = 'idle';
      return;
    }
    this.mode = 'connecting';
    const controller = new AbortController();
    this.controller = controller;
    let response: Response;
    try {
      response = await this.deps.fetch(STREAM_PATH, {
        headers: { Authorization: auth, Accept: 'text/event-stream' },
        signal: controller.signal,
        cache: 'no-store',
      });
    } catch {
      if (generation === this.generation) this.retry(generation);
      return;
    }
    if (generation !== this.generation) return;
    if (response.status === 401) {
      this.stop();
      unauthorized();
      return;
    }
    const isStream = (response.headers.get('Content-Type') ?? '').startsWith('text/event-stream');
    if (response.status === 404 || response.status === 405 || response.status === 501 || (response.ok && !isStream)) {
      void response.body?.cancel().catch(() => undefined);
      this.poll(generation);
      return;
    }
    if (!response.ok || !response.body) {
      void response.body?.cancel().catch(() => undefined);
      this.retry(generation);
      return;
    }
    this.mode = 'open';
    this.attempt = 0;
    this.polls = 0;
    this.emit({ kind: 'resync' });
    await this.read(response.body, generation);
    if (generation === this.generation) this.retry(generation);
  }

  private async read(body: ReadableStream<Uint8Array>, generation: number): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || generation !== this.generation) break;
        for (const event of parser.feed(decoder.decode(value, { stream: true }))) {
          const message = toMessage(event);
          if (message) this.emit(message);
        }
      }
    } catch {
      // dropped or aborted: the caller reconnects if still wanted
    } finally {
      reader.releaseLock();
    }
  }

  private retry(generation: number): void {
    this.mode = 'waiting';
    this.later(generation, backoffMs(this.attempt++, this.deps.random), () => void this.connect(generation));
  }

  private poll(generation: number): void {
    this.mode = 'polling';
    this.later(generation, POLL_INTERVAL_MS, () => {
      this.polls += 1;
      if (this.polls % PROBE_EVERY_POLLS === 0) {
        void this.connect(generation);
        return;
      }
      this.emit({ kind: 'resync' });
      this.poll(generation);
    });
  }
}

export const stream = new StreamConnection({
  fetch: (...args) => globalThis.fetch(...args),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  random: Math.random,
});

/** Listen to the stream for as long as the calling component (or effect scope) lives. */
export function useStream(handler: StreamHandler): () => void {
  const unsubscribe = stream.subscribe(handler);
  if (getCurrentScope()) onScopeDispose(unsubscribe);
  return unsubscribe;
}
