import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TestApp } from './support/test-app';

// Paths only: the generator itself runs as a child (built by `npm test`'s build), because Jest's module
// system cannot load openapi-typescript's ESM-only dependencies, which Node itself requires natively.
const root = join(__dirname, '..');
const SCHEMA_FILE = join('apps', 'web', 'src', 'api', 'schema.d.ts');
const GENERATOR = join(root, 'dist', 'apps', 'web', 'scripts', 'generate-schema.js');
const REGENERATE = 'npm start   # in one terminal, then in another:\n  npm run web:schema';

// The web app's client is typed from a committed file generated from the OpenAPI document: when the API
// changes and the file does not, this fails and says how to bring it up to date.
describe('the web app’s generated API schema', () => {
  let app: TestApp;
  let dir: string;

  beforeAll(async () => {
    app = await TestApp.start({ worker: false });
    dir = await mkdtemp(join(tmpdir(), 'web-schema-'));
  });

  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('matches the OpenAPI document the service serves', async () => {
    if (!existsSync(GENERATOR)) throw new Error(`${GENERATOR} is missing: run \`npm run build\` (npm test does)`);
    const response = await app.http.get('/docs-json');
    expect(response.status).toBe(200);
    const documentFile = join(dir, 'openapi.json');
    await writeFile(documentFile, JSON.stringify(response.body));
    const { stdout: expected } = await promisify(execFile)(process.execPath, [GENERATOR, documentFile, '--stdout'], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    const committed = await readFile(join(root, SCHEMA_FILE), 'utf8').catch(() => '');
    if (committed !== expected) {
      throw new Error(
        `${SCHEMA_FILE} is stale: it no longer matches the API's OpenAPI document. Regenerate it:\n  ${REGENERATE}\n` +
          'and commit the result.',
      );
    }
  });
});
