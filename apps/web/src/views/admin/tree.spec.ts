import { describe, expect, it } from 'vitest';
import { buildTree, ladder, parentChoices, type TreeNode } from './tree';

const u = (code: string, parent: string | null = null) => ({ code, parent });
const shape = <T extends { code: string }>(nodes: TreeNode<T>[]): unknown =>
  nodes.map((n) => (n.children.length ? { [n.key]: shape(n.children) } : n.key));

describe('trees from parent links', () => {
  it('puts each unit under its parent, sorted by code, unknown parents at the root', () => {
    const units = [
      u('xingren-gov', 'xingren-pc'),
      u('xingren-pc', 'pref-office'),
      u('pref-office'),
      u('anlong-gov', 'gone'),
      u('pref-energy', 'pref-office'),
    ];
    expect(shape(buildTree(units))).toEqual([
      'anlong-gov',
      { 'pref-office': ['pref-energy', { 'xingren-pc': ['xingren-gov'] }] },
    ]);
  });

  it('never loops when handed a cycle: the cycle is cut at its first code', () => {
    const tree = buildTree([u('b', 'a'), u('a', 'c'), u('c', 'b'), u('self', 'self')]);
    expect(shape(tree)).toEqual(['self', { a: [{ b: ['c'] }] }]);
  });

  it('reads the escalation ladder upwards, stopping at the top or at a repeat', () => {
    const units = [u('gov', 'pc'), u('pc', 'office'), u('office')];
    expect(ladder(units, 'gov').map((x) => x.code)).toEqual(['gov', 'pc', 'office']);
    expect(ladder([u('a', 'b'), u('b', 'a')], 'a').map((x) => x.code)).toEqual(['a', 'b']);
    expect(ladder(units, 'nowhere')).toEqual([]);
  });

  it('offers as parents every unit but the unit itself and those below it', () => {
    const units = [u('office'), u('pc', 'office'), u('gov', 'pc'), u('dept', 'office')];
    expect(parentChoices(units, 'pc').map((x) => x.code)).toEqual(['office', 'dept']);
    expect(parentChoices(units, null)).toHaveLength(4);
  });
});
