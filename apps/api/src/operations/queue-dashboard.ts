import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { ALL_QUEUES } from '@app/messaging';

const BASE_PATH = '/queues';
const COOKIE = 'dh_queues_token';

/**
 * The BullMQ dashboard at /queues, for admins. A browser cannot attach a bearer header to the dashboard's own
 * requests, so the token may also come once as `?token=` and then rides in an HttpOnly cookie scoped to /queues.
 */
export function mountQueueDashboard(app: INestApplication): void {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(BASE_PATH);
  createBullBoard({
    queues: ALL_QUEUES.map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }))),
    serverAdapter: adapter,
  });
  const jwt = app.get(JwtService);
  const deny = (response: Response, statusCode: number, message: string) =>
    response.status(statusCode).json({ statusCode, error: STATUS_CODES[statusCode], message });
  const guard = async (request: Request, response: Response, next: NextFunction) => {
    const header = request.headers.authorization?.match(/^Bearer (.+)$/i)?.[1];
    const query = typeof request.query.token === 'string' ? request.query.token : undefined;
    const cookie = request.headers.cookie
      ?.split(';')
      .map((part) => part.trim().split('='))
      .find(([name]) => name === COOKIE)?.[1];
    const token = header ?? query ?? cookie;
    if (!token) return deny(response, 401, 'Authorization: a Bearer token (or ?token=) is required');
    try {
      const claims = await jwt.verifyAsync<{ role: string }>(token);
      if (claims.role !== 'admin') return deny(response, 403, `role ${claims.role} may not open the queue dashboard`);
    } catch {
      return deny(response, 401, 'Authorization: the token is invalid or expired');
    }
    if (query) {
      response.setHeader('Set-Cookie', `${COOKIE}=${query}; Path=${BASE_PATH}; HttpOnly; SameSite=Strict`);
    }
    next();
  };
  app.use(BASE_PATH, guard, adapter.getRouter());
}
