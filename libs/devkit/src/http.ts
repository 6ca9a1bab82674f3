import http from 'node:http';
import { performance } from 'node:perf_hooks';

// A small JSON client over node:http for the service on this machine: keep-alive sockets, a bearer token, and
// no dependency that would itself be measured.

export interface HttpResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** An answer other than 2xx. */
export class HttpError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${path}: ${status} ${typeof body === 'string' ? body : JSON.stringify(body)}`);
  }
}

export interface HttpClientOptions {
  host?: string;
  /** At most this many requests in flight; the rest wait for a free socket. */
  maxSockets?: number;
  /** Fail a request whose socket stays silent this long; none by default (a bench may queue for long). */
  timeoutMs?: number;
  /** Keep the milliseconds of every request in `latencies`, including any wait for a free socket. */
  keepLatencies?: boolean;
}

export class HttpClient {
  readonly latencies: number[] = [];
  private readonly agent: http.Agent;
  private readonly host: string;
  private readonly timeoutMs?: number;
  private readonly keepLatencies: boolean;

  constructor(
    readonly port: number,
    { host = '127.0.0.1', maxSockets = 256, timeoutMs, keepLatencies = false }: HttpClientOptions = {},
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
    this.host = host;
    this.timeoutMs = timeoutMs;
    this.keepLatencies = keepLatencies;
  }

  /** Any answer: the status and the body, parsed when it is JSON. */
  request(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    extraHeaders: http.OutgoingHttpHeaders = {},
  ): Promise<HttpResponse> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: http.OutgoingHttpHeaders = { accept: 'application/json', ...extraHeaders };
    if (token) headers.authorization = `Bearer ${token}`;
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    const started = performance.now();
    return new Promise((done, fail) => {
      const { host, port, agent, timeoutMs } = this;
      const request = http.request({ host, port, method, path, headers, agent, timeout: timeoutMs }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          if (this.keepLatencies) this.latencies.push(performance.now() - started);
          done({ status: response.statusCode ?? 0, body: parse(Buffer.concat(chunks).toString('utf8')) });
        });
        response.on('error', fail);
      });
      request.on('timeout', () => request.destroy(new Error(`${method} ${path}: no answer within ${timeoutMs} ms`)));
      request.on('error', fail);
      request.end(payload);
    });
  }

  /** The body of a 2xx answer, else an HttpError. */
  async ok(method: string, path: string, token?: string, body?: unknown): Promise<HttpResponse['body']> {
    const response = await this.request(method, path, token, body);
    if (response.status < 200 || response.status >= 300) {
      throw new HttpError(method, path, response.status, response.body);
    }
    return response.body;
  }

  /** Every item of a paged list (`{ items, nextCursor }`, `?limit=500&cursor=`). */
  async all<T>(path: string, token: string): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const page: { items: T[]; nextCursor: string | null } = await this.ok(
        'GET',
        `${path}${separator}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        token,
      );
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** JSON when it parses; else the text itself (Prometheus metrics, an HTML error page). */
function parse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
