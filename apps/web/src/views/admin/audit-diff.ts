// The audit log's before/after as rows a person can read: one per field that differs, as text (the page shows
// it with {{ }}, never as HTML).

export type DiffKind = 'added' | 'removed' | 'changed';

export interface DiffRow {
  /** `name`, `escalations[0].after`, … */
  path: string;
  kind: DiffKind;
  before: string;
  after: string;
}

type Json = unknown;

/** A value as one line of text: strings as they are, null as `null`, anything else as JSON. */
export function showValue(value: Json): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Leaves of a JSON value by path; arrays of scalars stay one leaf (`["a","b"]`), arrays of objects are indexed. */
export function flatten(value: Json, prefix = '', out = new Map<string, Json>()): Map<string, Json> {
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (!keys.length && prefix) out.set(prefix, value);
    for (const key of keys) flatten(value[key], prefix ? `${prefix}.${key}` : key, out);
  } else if (Array.isArray(value) && value.some((item) => isObject(item) || Array.isArray(item))) {
    if (!value.length) out.set(prefix, value);
    value.forEach((item, index) => flatten(item, `${prefix}[${index}]`, out));
  } else {
    out.set(prefix, value);
  }
  return out;
}

/**
 * What changed between `before` and `after` (either may be null: a creation or a deletion), in the order the fields
 * first appear; equal fields are left out.
 */
export function auditDiff(before: Json, after: Json): DiffRow[] {
  const old = before === null || before === undefined ? new Map<string, Json>() : flatten(before);
  const now = after === null || after === undefined ? new Map<string, Json>() : flatten(after);
  const paths = [...new Set([...old.keys(), ...now.keys()])];
  const rows: DiffRow[] = [];
  for (const path of paths) {
    const had = old.has(path);
    const has = now.has(path);
    const a = showValue(old.get(path));
    const b = showValue(now.get(path));
    if (had && has && JSON.stringify(old.get(path)) === JSON.stringify(now.get(path))) continue;
    rows.push({ path: path || '·', kind: had && has ? 'changed' : has ? 'added' : 'removed', before: a, after: b });
  }
  return rows;
}
