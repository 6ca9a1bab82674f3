import { Cast } from '../cast';
import { IssueItem } from './issues';

// Every action of a simulated person is an HTTP call as that user. What they answered is tallied here: successes
// by action, stale answers (the issue had moved on), errors, and how long each request took.

const STALE_STATUSES = new Set([403, 404, 409, 412]);

export class Requests {
  readonly counters: Record<string, number> = {};
  readonly stale: Record<string, number> = {};
  readonly errors: { what: string; message: string }[] = [];
  errorCount = 0;
  /** Per action or read: the milliseconds each request took. */
  readonly latency: Record<string, number[]> = {};

  constructor(private readonly cast: Cast) {}

  count(name: string, by = 1): void {
    this.counters[name] = (this.counters[name] ?? 0) + by;
  }

  error(what: string, error: unknown): void {
    this.errorCount += 1;
    if (this.errors.length < 50)
      this.errors.push({ what, message: error instanceof Error ? error.message : String(error) });
  }

  /** One command as one user: the body on 2xx; null when the state moved on (403/404/409/412) or on error. */
  async act<T = IssueItem>(
    label: string,
    username: string,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T | null> {
    const token = this.cast.tokens.get(username);
    if (!token) throw new Error(`no token for ${username}`);
    const started = Date.now();
    const response = await this.cast.client.request(method, `/api/v1${path}`, token, body, headers);
    (this.latency[label] ??= []).push(Date.now() - started);
    if (response.status >= 200 && response.status < 300) {
      this.count(label);
      return response.body as T;
    }
    if (STALE_STATUSES.has(response.status)) {
      this.stale[label] = (this.stale[label] ?? 0) + 1;
      return null;
    }
    this.error(
      label,
      new Error(`${method} ${path} as ${username}: ${response.status} ${JSON.stringify(response.body)}`),
    );
    return null;
  }

  get<T>(username: string, path: string): Promise<T | null> {
    return this.act<T>(`read:${path.split('?')[0].replace(/[0-9a-f-]{36}/g, ':id')}`, username, 'GET', path);
  }
}
