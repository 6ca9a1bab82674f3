import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { seedDemo } from '../apps/launcher/src/demo/demo-seed';
import { TestApp } from './support/test-app';

// The README's curl walk-through, run as a new user would run it, against the demo data.

const run = promisify(execFile);

describe("the README's walk-through", () => {
  let app: TestApp;
  let port: number;

  beforeAll(async () => {
    app = await TestApp.start();
    await seedDemo(app.config.databaseUrl);
    const server = await app.api.listen(0, '127.0.0.1');
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => app.close());

  it('files an issue, follows it to closed, and can be run twice', async () => {
    const readme = await readFile(join(__dirname, '..', 'README.md'), 'utf8');
    const block = /## A walk-through with curl[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const script = (block as string).replace('http://localhost:3000', `http://127.0.0.1:${port}`);
    for (let round = 0; round < 2; round += 1) {
      const { stdout } = await run('bash', ['-c', `set -e\n${script}`], { timeout: 30_000 });
      const lines = stdout.trim().split('\n');
      expect(lines[0]).toMatch(/^filed [0-9a-f-]{36}$/);
      expect(stdout).toMatch(/DH-\d{4}-\d{6} assigned/);
      expect(lines.slice(-10).join('\n')).toContain('closed');
      for (const type of ['issue.filed', 'issue.routed', 'issue.progress_reported', 'issue.accepted']) {
        expect(stdout).toContain(type);
      }
    }
    const { rows } = await app.db.query(`SELECT count(*)::int AS n FROM issues WHERE status = 'closed'`);
    expect(rows[0].n).toBe(2);
  });
});
