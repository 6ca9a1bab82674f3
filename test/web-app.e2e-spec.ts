import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp } from './support/test-app';

// The API serves the built web app: `/` and any deep link answer its index.html, under strict security headers;
// what is the API's stays the API's.

describe('the web app, served by the API', () => {
  let app: TestApp;

  beforeAll(async () => {
    if (!existsSync(join(__dirname, '..', 'dist', 'web', 'index.html'))) {
      throw new Error('dist/web is missing: run `npm run build` (npm test does)');
    }
    app = await TestApp.start({ worker: false });
  });

  afterAll(() => app?.close());

  it.each(['/', '/issues/00000000-0000-4000-8000-000000000000', '/oversight/overdue', '/login?redirect=%2Finbox'])(
    '%s answers the app’s index.html',
    async (path) => {
      const response = await app.http.get(path);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toContain('<div id="app">');
      expect(response.headers['cache-control']).toBe('no-cache');
    },
  );

  it('sends a content security policy with no inline script and no framing', async () => {
    const response = await app.http.get('/');
    const csp = response.headers['content-security-policy'] as string;
    const directives = new Map(
      csp
        .split(';')
        .map((part) => part.trim().split(/\s+/) as [string, ...string[]])
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    // and the page itself needs none: every script is a file of the build
    expect(response.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('serves the built assets with long caching', async () => {
    const index = (await app.http.get('/')).text;
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
    expect(asset).toBeDefined();
    const response = await app.http.get(asset as string);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it.each(['/api/unknown', '/api/v1/unknown', '/api/v1/issues/x/unknown'])('%s stays a JSON 404', async (path) => {
    const response = await app.http.get(path);
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toMatchObject({ statusCode: 404 });
  });

  it('leaves health, the API document and its UI to the API', async () => {
    expect((await app.http.get('/health')).body).toMatchObject({ status: 'ok' });
    expect((await app.http.get('/docs-json')).body).toHaveProperty('openapi');
    const ui = await app.http.get('/docs/');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });
});
