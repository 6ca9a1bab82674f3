import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// House rules every feature folder inherits, checked over the whole source tree.
const root = __dirname;

function files(dir: string, test: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, test);
    return test(name) ? [path] : [];
  });
}

const sources = files(root, (name) => /\.(ts|vue)$/.test(name) && !name.endsWith('.spec.ts') && name !== 'schema.d.ts');
const vues = sources.filter((path) => path.endsWith('.vue'));

/** A template's text nodes, with mustaches, comments and tags taken out. */
function templateText(source: string): string[] {
  const template = /<template>([\s\S]*)<\/template>\s*(?:<style|$)/.exec(source)?.[1] ?? '';
  return template
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\{\{[\s\S]*?\}\}/g, '')
    .replace(/"[^"]*"/g, '""') // attribute values may hold `=>`
    .replace(/<[^>]*>/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

describe('conventions', () => {
  it('no template renders HTML from data (no v-html)', () => {
    for (const path of vues) expect(readFileSync(path, 'utf8'), relative(root, path)).not.toMatch(/v-html/);
  });

  it('templates hold no literal text: every word goes through i18n', () => {
    for (const path of vues) {
      const words = templateText(readFileSync(path, 'utf8')).filter((text) => /[\p{L}]/u.test(text));
      expect(words, relative(root, path)).toEqual([]);
    }
  });

  it('no hand-written fetch: only the stream reader calls fetch, through its one constant', () => {
    for (const path of sources) {
      const text = readFileSync(path, 'utf8');
      const allowed = ['api/stream.ts', 'api/client.ts'].includes(relative(root, path));
      if (!allowed) expect(text, relative(root, path)).not.toMatch(/\bfetch\s*\(/);
    }
    expect(readFileSync(join(root, 'api/client.ts'), 'utf8')).not.toMatch(/fetch\(['"`]/);
  });

  it('no eval or Function constructor (the CSP forbids them)', () => {
    for (const path of sources)
      expect(readFileSync(path, 'utf8'), relative(root, path)).not.toMatch(/\beval\(|new Function\(/);
  });
});
