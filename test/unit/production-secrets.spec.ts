import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, PUBLISHED_SECRETS } from '@app/platform';

// A production process refuses any secret written down in this repository. Finds every literal value given to
// JWT_SECRET or ADMIN_PASSWORD in a tracked file, and checks each is refused.

const ROOT = join(__dirname, '..', '..');
const BASE = { DATABASE_URL: 'postgres://localhost/x', REDIS_URL: 'redis://localhost', NODE_ENV: 'production' };
const REAL = 'f3b1c2d4e5a6978812345678abcdef0123456789';

function literalSecrets(): Map<string, string> {
  const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((file) => /\.(ts|js|mjs|ya?ml|md|json|sh|example)$|(^|\/)\.env/.test(file) && !file.endsWith('lock.json'));
  const found = new Map<string, string>();
  // As a quoted value (code, YAML), as NAME=value (env files, shell, prose), or as a compose default.
  const assignments = [
    /(JWT_SECRET|ADMIN_PASSWORD)['"]?\s*:\s*['"]([\w.@+/=-]{6,})['"]/g,
    /(JWT_SECRET|ADMIN_PASSWORD)=['"]?([^\s'"$`{}]{6,})/g,
    /\$\{(JWT_SECRET|ADMIN_PASSWORD):?-([^}]+)\}/g,
  ];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(join(ROOT, file), 'utf8');
    } catch {
      continue; // listed but deleted in the working tree
    }
    for (const assignment of assignments) {
      for (const [, name, value] of text.matchAll(assignment)) found.set(value, `${name} in ${file}`);
    }
  }
  return found;
}

describe('secrets in production', () => {
  it('refuses every secret value that appears in the repository', () => {
    const found = literalSecrets();
    expect(found.size).toBeGreaterThan(0);
    const accepted = [...found].filter(([value]) => {
      for (const name of ['JWT_SECRET', 'ADMIN_PASSWORD']) {
        try {
          loadConfig({ ...BASE, JWT_SECRET: REAL, [name]: value }, { signsTokens: true });
          return true;
        } catch {
          // refused, as it must be
        }
      }
      return false;
    });
    expect(accepted.map(([value, where]) => `${value} (${where})`)).toEqual([]);
  });

  it('needs a JWT_SECRET of at least 32 characters in a process that signs tokens', () => {
    expect(() => loadConfig({ ...BASE }, { signsTokens: true })).toThrow('JWT_SECRET is required');
    expect(() => loadConfig({ ...BASE, JWT_SECRET: 'x'.repeat(31) }, { signsTokens: true })).toThrow(
      'at least 32 characters',
    );
    expect(loadConfig({ ...BASE, JWT_SECRET: REAL }, { signsTokens: true }).jwtSecret).toBe(REAL);
    // the worker signs nothing
    expect(() => loadConfig({ ...BASE })).not.toThrow();
  });

  it('lets development run without them', () => {
    for (const secret of PUBLISHED_SECRETS) {
      expect(() => loadConfig({ ...BASE, NODE_ENV: 'development', ADMIN_PASSWORD: secret })).not.toThrow();
    }
  });
});
