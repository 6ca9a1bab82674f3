import { InvalidInputError } from './errors';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cursors are opaque to clients: the sort key of the last row, base64url-encoded JSON. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks for the parts of a cursor, so a forged one is a 400 and never reaches SQL as garbage. */
export const cursorPart = {
  uuid: (v: unknown) => typeof v === 'string' && UUID.test(v),
  timestamp: (v: unknown) => typeof v === 'string' && (v === 'infinity' || !Number.isNaN(Date.parse(v))),
  boolean: (v: unknown) => typeof v === 'boolean',
  string: (v: unknown) => typeof v === 'string',
};

export function decodeCursor(cursor: string, parts: ((value: unknown) => boolean)[]): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === parts.length && parts.every((ok, i) => ok(values[i]))) {
      return values;
    }
  } catch {
    // falls through to the error below
  }
  throw new InvalidInputError('cursor', 'is not a cursor this list returned');
}

/** Fetch limit + 1 rows; the extra one only tells whether there is a next page. */
export function toPage<R, T>(rows: R[], limit: number, map: (row: R) => T, key: (row: R) => unknown[]): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: pageRows.map(map),
    nextCursor: hasMore ? encodeCursor(key(pageRows[pageRows.length - 1])) : null,
  };
}
