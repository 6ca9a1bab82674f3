import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// `docker compose up` is the production-like path: it must refuse to run on default secrets. There is no Docker
// engine on the CI machine, so the file itself is checked.

const ROOT = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const SECRETS = ['JWT_SECRET', 'ADMIN_PASSWORD', 'POSTGRES_PASSWORD'];

interface Service {
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  profiles?: string[];
}

describe('docker-compose.yml', () => {
  const text = read('docker-compose.yml');
  const compose = parse(text) as { services: Record<string, Service> };

  it.each(SECRETS)('requires %s, with no default', (name) => {
    const references = [...text.matchAll(new RegExp(`\\$\\{${name}([^}]*)\\}`, 'g'))].map((match) => match[1]);
    expect(references.length).toBeGreaterThan(0);
    expect(references.filter((rest) => !rest.startsWith(':?'))).toEqual([]);
  });

  it('gives the API its secrets and the database URL with the password from .env', () => {
    const api = compose.services.api.environment ?? {};
    expect(api.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?/);
    expect(api.ADMIN_PASSWORD).toMatch(/^\$\{ADMIN_PASSWORD:\?/);
    for (const service of ['api', 'worker', 'seed-demo']) {
      expect(compose.services[service].environment?.DATABASE_URL).toContain('${POSTGRES_PASSWORD:?');
    }
  });

  it('seeds the demo from the built image, and publishes PostgreSQL on loopback only', () => {
    const seed = compose.services['seed-demo'];
    expect(seed.profiles).toEqual(['demo']);
    expect(seed.command).toEqual(['node', 'dist/apps/launcher/src/seed-demo.js']);
    expect(read('apps/launcher/src/seed-demo.ts')).toContain('seedDemo');
    expect(compose.services.postgres.ports).toEqual(['127.0.0.1:${POSTGRES_PORT:-55432}:5432']);
  });

  it('runs the image in production mode, where the service itself refuses weak or published secrets', () => {
    expect(read('Dockerfile')).toMatch(/^ENV NODE_ENV=production$/m);
  });
});

describe('.env.example', () => {
  it.each(SECRETS)('names %s and leaves it empty, so a copy used unchanged refuses to start', (name) => {
    expect(read('.env.example')).toMatch(new RegExp(`^${name}=$`, 'm'));
  });
});
