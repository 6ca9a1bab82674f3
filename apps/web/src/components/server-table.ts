import type { Page } from '@/api/types';

export interface TableColumn {
  /** The row field (or a name for a slot-only column). */
  key: string;
  /** i18n key of the header. */
  labelKey: string;
  width?: number | string;
  minWidth?: number | string;
  /** Sorted by the server: the table passes `sort` (`key` or `-key`) to fetchPage. */
  sortable?: boolean;
  /** Hidden until the user shows it. */
  defaultHidden?: boolean;
  /** Always shown: not in the column chooser. */
  fixed?: boolean;
  align?: 'left' | 'center' | 'right';
}

export interface TableQuery<F> {
  limit: number;
  cursor?: string;
  /** `field` ascending, `-field` descending; absent: the server's order. */
  sort?: string;
  filters: F;
}

export type FetchPage<T, F> = (query: TableQuery<F>) => Promise<Page<T>>;

const STORAGE_PREFIX = 'dh.table.';

/** The columns a user hid in this table, remembered per browser. */
export function loadHidden(tableId: string, columns: TableColumn[]): Set<string> {
  try {
    const raw = localStorage.getItem(`${STORAGE_PREFIX}${tableId}.hidden`);
    if (raw) {
      const keys: unknown = JSON.parse(raw);
      if (Array.isArray(keys)) return new Set(keys.filter((k): k is string => typeof k === 'string'));
    }
  } catch {
    // nothing remembered
  }
  return new Set(columns.filter((c) => c.defaultHidden).map((c) => c.key));
}

export function saveHidden(tableId: string, hidden: Set<string>): void {
  try {
    localStorage.setItem(`${STORAGE_PREFIX}${tableId}.hidden`, JSON.stringify([...hidden].sort()));
  } catch {
    // not remembered
  }
}

/**
 * Cursor paging: the API only goes forward, so the cursors that led to each page are kept for "previous".
 * `cursors[i]` loaded page i + 1 (page 1: no cursor).
 */
export class CursorStack {
  private cursors: (string | undefined)[] = [undefined];

  get page(): number {
    return this.cursors.length;
  }

  get current(): string | undefined {
    return this.cursors[this.cursors.length - 1];
  }

  next(cursor: string): string {
    this.cursors.push(cursor);
    return cursor;
  }

  previous(): string | undefined {
    if (this.cursors.length > 1) this.cursors.pop();
    return this.current;
  }

  reset(): void {
    this.cursors = [undefined];
  }
}

/** What a page can do with its ServerTable through a template ref. */
export interface ServerTableHandle<T> {
  reload: () => Promise<void>;
  refresh: () => Promise<void>;
  updateRow: (row: T) => void;
}
