import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// The project documents itself: every link in its Markdown points at a file in the repository (or a heading).

const ROOT = join(__dirname, '..', '..');

describe('links in the documentation', () => {
  const files = execFileSync('git', ['ls-files', '*.md'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((file) => file && existsSync(join(ROOT, file)));

  it.each(files)('%s links only inside the repository', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);
    const broken = targets.filter((target) => {
      if (target.startsWith('#')) return false;
      if (/^[a-z]+:/i.test(target)) return true; // a link that leaves the repository
      return !existsSync(join(ROOT, dirname(file), target.split('#')[0]));
    });
    expect(broken).toEqual([]);
  });
});
