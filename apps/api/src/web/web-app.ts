import type { INestApplication } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';

/** Paths the API answers itself; everything else is the web app (a deep link gets its index.html). */
const API_PATHS = [
  '/api{/*path}',
  '/docs{/*path}',
  '/docs-json',
  '/docs-yaml',
  '/queues{/*path}',
  '/health',
  '/metrics',
];

/** A file at the project root (the folder with package.json), found upwards from here: src/ in tests, dist/ in use. */
export function projectFile(...path: string[]): string | null {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return existsSync(join(dir, ...path)) ? join(dir, ...path) : null;
    if (dir === parse(dir).root) return null;
  }
}

/** The built web app, `dist/web`. */
export function webAppRoot(): string | null {
  const index = projectFile('dist', 'web', 'index.html');
  return index ? dirname(index) : null;
}

/** Serves the web app at `/` when it is built; without a build the API runs alone (`/` is a JSON 404). */
export function webAppModules() {
  const rootPath = webAppRoot();
  if (!rootPath) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath,
      exclude: API_PATHS,
      serveStaticOptions: {
        // Built files carry a content hash in their names; index.html must always be asked for again.
        setHeaders: (response: Response, path: string) =>
          response.setHeader(
            'Cache-Control',
            path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
          ),
      },
    }),
  ];
}

/**
 * Security headers on every answer: a content security policy with no inline or remote script, no framing, no
 * MIME sniffing. Element Plus sets inline styles, and attachments are shown through blob: URLs.
 */
export function useSecurityHeaders(app: INestApplication): void {
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      frameguard: { action: 'deny' },
      crossOriginEmbedderPolicy: false,
    }),
  );
}
