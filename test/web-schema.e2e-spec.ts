import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateSchema, REGENERATE_COMMAND, SCHEMA_FILE } from '../apps/web/scripts/generate-schema';
import { TestApp } from './support/test-app';

// The web app's client is typed from a committed file generated from the OpenAPI document: when the API
// changes and the file does not, this fails and says how to bring it up to date.
describe('the web app’s generated API schema', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ worker: false });
  });

  afterAll(async () => {
    await app.close();
  });

  it('matches the OpenAPI document the service serves', async () => {
    const response = await app.http.get('/docs-json');
    expect(response.status).toBe(200);
    const expected = await generateSchema(response.body);
    const committed = await readFile(join(__dirname, '..', SCHEMA_FILE), 'utf8').catch(() => '');
    if (committed !== expected) {
      throw new Error(
        `${SCHEMA_FILE} is stale: it no longer matches the API's OpenAPI document. Regenerate it:\n  ` +
          `${REGENERATE_COMMAND}\nand commit the result.`,
      );
    }
  });
});
