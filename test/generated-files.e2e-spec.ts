import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { OpenAPIObject } from '@nestjs/swagger';
import { renderApiReference } from '../apps/api/src/docs/api-reference';
import { architectureDiagrams, withGenerated } from './support/architecture';
import { TestApp } from './support/test-app';

// Files generated from the code, committed, and checked here: `UPDATE_GENERATED=1 npm test -- test/generated-files`
// writes them anew.

const ROOT = join(__dirname, '..');
const UPDATE = process.env.UPDATE_GENERATED === '1';
// Jest's module system cannot load openapi-typescript's ESM-only dependencies: the web app's generator, built by
// `npm test`, runs as a child.
const SCHEMA_GENERATOR = join(ROOT, 'dist', 'apps', 'web', 'scripts', 'generate-schema.js');

async function expectGenerated(relativePath: string, generated: string): Promise<void> {
  const path = join(ROOT, relativePath);
  if (UPDATE) await writeFile(path, generated);
  const committed = await readFile(path, 'utf8').catch(() => '');
  if (committed !== generated) {
    throw new Error(`${relativePath} is out of date: run \`UPDATE_GENERATED=1 npm test -- test/generated-files\``);
  }
}

// Prometheus's scrape endpoint is left out of the document on purpose; docs/API.md names it in its conventions.
const UNDOCUMENTED = new Set(['GET /metrics']);

/** Every route a controller serves, as `METHOD /path/{param}` (the documents' own routes and catch-alls aside). */
function servedRoutes(app: TestApp): string[] {
  const express = app.api.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  return express.router.stack.flatMap(({ route }) => {
    const methods = Object.keys(route?.methods ?? {});
    // The web app's catch-all (every other path answers its index.html) is not an API route.
    if (!route || route.path.startsWith('/docs') || route.path === '{*any}') return [];
    if (methods.length !== 1 || methods[0] === '_all') return [];
    const name = `${methods[0].toUpperCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`;
    return UNDOCUMENTED.has(name) ? [] : [name];
  });
}

describe('generated files and the OpenAPI document', () => {
  let app: TestApp;
  let document: OpenAPIObject;

  beforeAll(async () => {
    app = await TestApp.start({ worker: false });
    document = (await app.http.get('/docs-json')).body;
  });

  afterAll(() => app.close());

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      (['get', 'post', 'put', 'patch', 'delete'] as const)
        .filter((method) => item[method])
        .map((method) => ({ name: `${method.toUpperCase()} ${path}`, operation: item[method]! })),
    );

  it('every operation has a summary, a description, the roles that may call it and its error answers', () => {
    const problems = operations().flatMap(({ name, operation }) => {
      const roles = (operation as unknown as { 'x-roles'?: string[] })['x-roles'];
      const statuses = Object.keys(operation.responses ?? {});
      return [
        !operation.summary && `${name}: no summary`,
        !operation.description && `${name}: no description`,
        !roles?.length && `${name}: no x-roles`,
        !roles?.includes('public') && !statuses.includes('401') && `${name}: no 401 answer`,
        // Anything a client sends can be wrong: an operation with parameters or a body documents its 400.
        (operation.parameters?.length || operation.requestBody) && !statuses.includes('400') && `${name}: no 400`,
      ].filter(Boolean);
    });
    expect(problems).toEqual([]);
  });

  it('every route the API serves is in the OpenAPI document, and so in docs/API.md', async () => {
    const documented = new Set(operations().map(({ name }) => name));
    const missing = servedRoutes(app).filter((route) => !documented.has(route));
    expect(missing).toEqual([]);
    const reference = renderApiReference(document);
    for (const route of servedRoutes(app)) expect(reference).toContain(`### \`${route}\``);
  });

  it('docs/API.md is the reference rendered from the document', async () => {
    await expectGenerated('docs/API.md', renderApiReference(document));
  });

  it("the web app's API client is typed from this document", async () => {
    if (!existsSync(SCHEMA_GENERATOR)) throw new Error(`${SCHEMA_GENERATOR} is missing: run \`npm run build\``);
    const dir = await mkdtemp(join(tmpdir(), 'openapi-'));
    try {
      await writeFile(join(dir, 'openapi.json'), JSON.stringify(document));
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [SCHEMA_GENERATOR, join(dir, 'openapi.json'), '--stdout'],
        { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      );
      await expectGenerated('apps/web/src/api/schema.d.ts', stdout);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("docs/ARCHITECTURE.md's pictures are drawn from today's imports", async () => {
    const diagrams = architectureDiagrams(ROOT);
    const current = await readFile(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
    const drawn = withGenerated(withGenerated(current, 'parts', diagrams.parts), 'features', diagrams.features);
    await expectGenerated('docs/ARCHITECTURE.md', drawn);
  });
});
