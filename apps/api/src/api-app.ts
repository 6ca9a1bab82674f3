import { RequestMethod } from '@nestjs/common';
import { json, NextFunction, Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@app/platform';
import { ApiModule } from './api.module';
import { createValidationPipe } from './common/validation';
import { mountQueueDashboard } from './operations/queue-dashboard';
import { useSecurityHeaders } from './web/web-app';

const BODY_LIMIT = '1mb';

// NUL cannot be stored in PostgreSQL text, and a lone UTF-16 surrogate cannot be encoded as UTF-8 (jsonb).
// eslint-disable-next-line no-control-regex -- NUL is exactly what this must find
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unstorablePath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorablePath(item, `${path}[${index}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = unstorablePath(item, path ? `${path}.${key}` : key) ?? (UNSTORABLE.test(key) ? key : null);
      if (found) return found;
    }
  }
  return null;
}

/** Text the database cannot hold is a 400 naming the field, not a 500 from the driver. */
function rejectUnstorableText(request: Request, response: Response, next: NextFunction): void {
  const path = unstorablePath(request.body, '') ?? unstorablePath(request.query, '');
  if (path === null) return next();
  response.status(400).json({
    statusCode: 400,
    error: STATUS_CODES[400],
    message: `${path || 'body'}: must not contain NUL or unpaired surrogate characters`,
  });
}

/** body-parser's own errors, answered in the API's error shape before they reach any route. */
function bodyParserErrors(
  error: { type?: string; status?: number; message?: string },
  _request: Request,
  response: Response,
  next: NextFunction,
): void {
  const answer = (statusCode: number, message: string) =>
    response.status(statusCode).json({ statusCode, error: STATUS_CODES[statusCode], message });
  if (error?.type === 'entity.parse.failed') return void answer(400, `body: is not valid JSON (${error.message})`);
  if (error?.type === 'entity.too.large') return void answer(413, 'body: larger than the 1 MiB limit');
  if (typeof error?.status === 'number' && error.status >= 400 && error.status < 500) {
    return void answer(error.status, `body: ${error.message}`);
  }
  next(error);
}

/** Builds the HTTP application; main.ts and the end-to-end tests both start it this way. */
export async function createApiApp(
  config: AppConfig,
  options: { logs?: boolean } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
    logger: options.logs === false ? false : undefined,
  });
  if (options.logs !== false) app.useLogger(app.get(Logger));
  useSecurityHeaders(app);
  app.use(json({ limit: BODY_LIMIT }));
  app.use(bodyParserErrors);
  app.use(rejectUnstorableText);
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(createValidationPipe());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Direct-handling supervision service')
      .setDescription('Issues found in supervision go straight to the responsible unit, with deadlines and escalation.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  mountQueueDashboard(app);
  return app;
}
