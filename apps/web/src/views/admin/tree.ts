// Trees from parent links (units: the escalation ladder; regions: prefecture → county), for el-tree.

export interface TreeNode<T> {
  /** The item's code: el-tree's node key. */
  key: string;
  item: T;
  children: TreeNode<T>[];
}

interface Linked {
  code: string;
  parent: string | null;
}

/**
 * Items under their parents, sorted by code. An item whose parent is unknown is a root; so is an item caught in a
 * cycle (the API refuses cycles, but a tree must never loop even if handed one): the first of the cycle by code
 * becomes a root and the rest hang below it.
 */
export function buildTree<T extends Linked>(items: readonly T[]): TreeNode<T>[] {
  const byCode = new Map(items.map((item) => [item.code, item]));
  const children = new Map<string, T[]>();
  const roots: T[] = [];
  for (const item of items) {
    const parent = item.parent && item.parent !== item.code && byCode.has(item.parent) ? item.parent : null;
    if (parent) children.set(parent, [...(children.get(parent) ?? []), item]);
    else roots.push(item);
  }
  const placed = new Set<string>();
  const build = (item: T): TreeNode<T> => {
    placed.add(item.code);
    const below = (children.get(item.code) ?? [])
      .filter((child) => !placed.has(child.code))
      .sort((a, b) => a.code.localeCompare(b.code));
    return { key: item.code, item, children: below.map(build) };
  };
  const tree = roots.sort((a, b) => a.code.localeCompare(b.code)).map(build);
  // What is left sits on a cycle: cut it at its first code.
  for (const item of [...items].sort((a, b) => a.code.localeCompare(b.code))) {
    if (!placed.has(item.code)) tree.push(build(item));
  }
  return tree;
}

/** The ladder an escalation climbs from `code`: the unit itself, its parent, that one's parent, … (no repeats). */
export function ladder<T extends Linked>(items: readonly T[], code: string): T[] {
  const byCode = new Map(items.map((item) => [item.code, item]));
  const chain: T[] = [];
  const seen = new Set<string>();
  for (
    let item = byCode.get(code);
    item && !seen.has(item.code);
    item = item.parent ? byCode.get(item.parent) : undefined
  ) {
    seen.add(item.code);
    chain.push(item);
  }
  return chain;
}

/** The codes that may become `code`'s parent: every item but itself and those below it (which would loop). */
export function parentChoices<T extends Linked>(items: readonly T[], code: string | null): T[] {
  if (!code) return [...items];
  const below = new Set<string>([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const item of items) {
      if (item.parent && below.has(item.parent) && !below.has(item.code)) {
        below.add(item.code);
        grew = true;
      }
    }
  }
  return items.filter((item) => !below.has(item.code));
}
