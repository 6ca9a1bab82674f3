import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budget for what a first visit downloads before the login page shows (gzip). */
export const INITIAL_BUDGET_BYTES = 500 * 1024;

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["']\.\/([\w.-]+\.js)["']/g;

/** A chunk and everything it imports statically (what the browser fetches before running it). */
export function closure(dir: string, entries: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(dir, file), 'utf8');
    for (const match of text.matchAll(STATIC_IMPORT)) queue.push(match[1] as string);
  }
  return seen;
}

export function gzipSize(dir: string, files: Iterable<string>): number {
  let total = 0;
  for (const file of files) total += gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
  return total;
}

/** `npm run web:size` after a build: the initial JS of the login page (entry, its imports, the page's chunk). */
function main(): number {
  const web = join(process.cwd(), 'dist', 'web');
  const assets = join(web, 'assets');
  const html = readFileSync(join(web, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+src="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] as string);
  const initial = closure(assets, entries);
  const login = readdirSync(assets).filter((f) => /^LoginPage-.*\.js$/.test(f));
  const firstScreen = closure(assets, [...initial, ...login]);
  const all = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const firstScreenBytes = gzipSize(assets, firstScreen);
  console.log(`entry and its imports: ${initial.size} files, ${kb(gzipSize(assets, initial))} gzip`);
  console.log(`login page, first screen: ${firstScreen.size} files, ${kb(firstScreenBytes)} gzip`);
  console.log(`all JavaScript: ${all.length} files, ${kb(gzipSize(assets, all))} gzip`);
  if (firstScreenBytes > INITIAL_BUDGET_BYTES) {
    console.error(`over the ${kb(INITIAL_BUDGET_BYTES)} budget`);
    return 1;
  }
  return 0;
}

if (require.main === module) process.exit(main());
