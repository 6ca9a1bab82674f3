import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

// Draws the parts of the code and the imports between them as a Mermaid graph, from the source itself: the
// picture in docs/ARCHITECTURE.md cannot drift from the code (test/generated-files.e2e-spec.ts checks it).

const SKIP = /\.(spec|e2e-spec|fault-spec)\.ts$|\.d\.ts$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !SKIP.test(name) ? [path] : [];
  });
}

/** The part a file belongs to: an app, a lib, or a feature folder of libs/workflow. */
function partOf(root: string, file: string): string | null {
  const [top, name, src, feature] = relative(root, file).split('/');
  if (top === 'libs' && name === 'workflow' && src === 'src' && feature && !feature.endsWith('.ts')) {
    return `workflow/${feature}`;
  }
  if ((top === 'apps' || top === 'libs') && name && name !== 'web') return `${top === 'apps' ? '' : 'libs/'}${name}`;
  return null;
}

function importsOf(root: string, file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const targets: string[] = [];
  for (const match of source.matchAll(/^import\s[^'"]*['"]([^'"]+)['"]/gm)) {
    const specifier = match[1];
    if (specifier.startsWith('@app/')) targets.push(join(root, 'libs', specifier.slice(5), 'src', 'index.ts'));
    else if (specifier.startsWith('.')) targets.push(resolve(dirname(file), specifier));
  }
  return targets;
}

const id = (part: string) => part.replace(/[^a-z0-9]/gi, '_');

function mermaid(nodes: string[], edges: [string, string][], label: (part: string) => string): string {
  return [
    '```mermaid',
    'flowchart TD',
    ...nodes.map((part) => `  ${id(part)}["${label(part)}"]`),
    ...edges.map(([from, to]) => `  ${id(from)} --> ${id(to)}`),
    '```',
  ].join('\n');
}

/**
 * Two Mermaid graphs, an arrow from the importer to what it imports: the apps and libs, and the features inside
 * libs/workflow (each of which also uses the libs below workflow, not drawn).
 */
export function architectureDiagrams(root: string): { parts: string; features: string } {
  const files = ['apps', 'libs'].flatMap((top) => sourceFiles(join(root, top)));
  const outer = (part: string) => part.replace(/^workflow\/.*/, 'libs/workflow');
  const parts = new Set<string>();
  const partEdges = new Set<string>();
  const featureEdges = new Set<string>();
  for (const file of files) {
    const from = partOf(root, file);
    if (!from) continue;
    parts.add(from);
    for (const target of importsOf(root, file)) {
      const to = partOf(root, target);
      if (!to || to === from) continue;
      if (from.startsWith('workflow/') && to.startsWith('workflow/')) featureEdges.add(`${from} ${to}`);
      if (outer(from) !== outer(to)) partEdges.add(`${outer(from)} ${outer(to)}`);
    }
  }
  const pairs = (set: Set<string>) => [...set].sort().map((edge) => edge.split(' ') as [string, string]);
  const sorted = [...parts].sort();
  return {
    parts: mermaid([...new Set(sorted.map(outer))], pairs(partEdges), (part) => part),
    features: mermaid(
      sorted.filter((part) => part.startsWith('workflow/')),
      pairs(featureEdges),
      (part) => part.slice('workflow/'.length),
    ),
  };
}

/** Replaces the text between `<!-- generated: NAME -->` and `<!-- end generated -->` in a document. */
export function withGenerated(document: string, name: string, content: string): string {
  const pattern = new RegExp(`(<!-- generated: ${name} -->\\n)[\\s\\S]*?(\\n<!-- end generated -->)`);
  if (!pattern.test(document)) throw new Error(`no <!-- generated: ${name} --> block`);
  return document.replace(pattern, (_all, open: string, close: string) => `${open}${content}${close}`);
}
