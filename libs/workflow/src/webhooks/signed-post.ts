import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { BlockedTargetError, guardedLookup, isBlockedAddress } from './target-guard';

/**
 * How every signed POST of ours is signed (webhooks, the SMS gateway): `X-Signature: sha256=<hex HMAC-SHA256 of
 * the raw body with the secret>`, beside `X-Event-Id`, the key the receiver deduplicates on.
 */
export function signedHeaders(secret: string, body: string, eventId: string): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'X-Event-Id': eventId,
    'X-Signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
  };
}

export interface PostOptions {
  timeoutMs: number;
  /** Refuse loopback, private and link-local targets, also at connect time. */
  publicOnly: boolean;
}

export interface PostAnswer {
  statusCode: number;
  /** The first bytes of the answer, for the record. */
  body: string;
}

const KEPT_ANSWER_BYTES = 500;

/** A POST with a timeout over the whole exchange, no redirects followed, and the private-address guard if asked. */
export function postBody(
  url: URL,
  body: string,
  headers: Record<string, string>,
  options: PostOptions,
): Promise<PostAnswer> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  // Node skips the lookup for an address literal, so the guard checks those itself.
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (options.publicOnly && isIP(literal) && isBlockedAddress(literal)) {
    return Promise.reject(new BlockedTargetError(`${literal} is a private address`));
  }
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': Buffer.byteLength(body) },
        timeout: options.timeoutMs,
        lookup: options.publicOnly ? (guardedLookup as never) : undefined,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        response.on('data', (chunk: Buffer) => {
          if (kept < KEPT_ANSWER_BYTES) chunks.push(chunk);
          kept += chunk.length;
        });
        response.on('end', () =>
          resolve({
            statusCode: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8').slice(0, KEPT_ANSWER_BYTES),
          }),
        );
        response.on('error', reject);
      },
    );
    // `timeout` alone resets on every byte: a receiver that drips its answer is cut off at the same bound.
    const deadline = setTimeout(
      () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    request.on('close', () => clearTimeout(deadline));
    request.on('timeout', () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}
