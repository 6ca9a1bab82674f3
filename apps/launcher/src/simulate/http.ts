import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface HttpResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

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

/** node:http with keep-alive against the API on 127.0.0.1; at most `maxSockets` requests in flight. */
export class ApiClient {
  private readonly agent: http.Agent;
  /** Milliseconds from sending each request to its answer (including any wait for a free socket). */
  readonly latencies: number[] = [];

  constructor(
    private readonly port: number,
    maxSockets = 32,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  request(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers: http.OutgoingHttpHeaders = {},
  ): Promise<HttpResponse> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const sent: http.OutgoingHttpHeaders = { accept: 'application/json', ...headers };
    if (token) sent.authorization = `Bearer ${token}`;
    if (payload) {
      sent['content-type'] = 'application/json';
      sent['content-length'] = payload.length;
    }
    const started = performance.now();
    return new Promise((done, fail) => {
      const request = http.request(
        { host: '127.0.0.1', port: this.port, method, path, headers: sent, agent: this.agent, timeout: 30_000 },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              // not JSON: keep the text for the error message
            }
            this.latencies.push(performance.now() - started);
            done({ status: response.statusCode ?? 0, body: parsed });
          });
          response.on('error', fail);
        },
      );
      request.on('timeout', () => request.destroy(new Error(`${method} ${path}: no answer within 30 s`)));
      request.on('error', fail);
      request.end(payload);
    });
  }

  /** The body of a 2xx answer, else an HttpError. */
  async ok(method: string, path: string, token?: string, body?: unknown): Promise<HttpResponse['body']> {
    const response = await this.request(method, path, token, body);
    if (response.status < 200 || response.status >= 300)
      throw new HttpError(method, path, response.status, response.body);
    return response.body;
  }

  /** Every item of a paged list (`?limit=500&cursor=`). */
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
