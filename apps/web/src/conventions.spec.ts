import { describe, expect, it } from 'vitest';

// House rules every feature folder inherits, checked over the whole source tree (read as text by Vite).
const all = import.meta.glob<string>(['./**/*.ts', './**/*.vue', '!./**/*.spec.ts', '!./api/schema.d.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const sources = Object.entries(all).map(([path, text]) => ({ path: path.slice(2), text }));
const vues = sources.filter(({ path }) => path.endsWith('.vue'));

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
    for (const { path, text } of vues) expect(text, path).not.toMatch(/v-html/);
  });

  it('templates hold no literal text: every word goes through i18n', () => {
    expect(vues.length).toBeGreaterThan(10);
    for (const { path, text } of vues) {
      const words = templateText(text).filter((line) => /[\p{L}]/u.test(line));
      expect(words, path).toEqual([]);
    }
  });

  it('no hand-written fetch: only the stream reader calls fetch, through its one constant', () => {
    for (const { path, text } of sources) {
      if (!['api/stream.ts', 'api/client.ts'].includes(path)) expect(text, path).not.toMatch(/\bfetch\s*\(/);
    }
    expect(all['./api/client.ts']).not.toMatch(/fetch\(['"`]/);
    expect(all['./api/stream.ts']).toMatch(/fetch\(STREAM_PATH,/);
  });

  it('no eval or Function constructor (the CSP forbids them)', () => {
    for (const { path, text } of sources) expect(text, path).not.toMatch(/\beval\(|new Function\(/);
  });
});
