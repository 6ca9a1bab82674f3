import { computed, ref, shallowRef } from 'vue';
import { api, call } from '@/api/client';
import type { components } from '@/api/schema';
import type { Page } from '@/api/types';

// Reference data the oversight pages name things by (units, regions, categories): read once per page load,
// every page of it, and shared by the inbox, the board and the assessment.
export type Unit = components['schemas']['UnitDto'];
export type Region = components['schemas']['RegionDto'];
export type Category = components['schemas']['CategoryDto'];

/** The largest page the API gives (API.md, Conventions). */
export const MAX_LIMIT = 500;

/**
 * Every item of a cursor-paged list, page after page; stops after `maxPages` (then `complete` is false), so
 * a runaway list cannot hold the page.
 */
export async function readAll<T>(
  read: (cursor: string | undefined) => Promise<Page<T>>,
  maxPages = 20,
): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await read(cursor);
    items.push(...answer.items);
    if (!answer.nextCursor) return { items, complete: true };
    cursor = answer.nextCursor;
  }
  return { items, complete: false };
}

function cached<T>(load: () => Promise<T[]>): () => Promise<T[]> {
  let answer: Promise<T[]> | null = null;
  return () => {
    answer ??= load().catch((error: unknown) => {
      answer = null; // a failure is not remembered: the next page asks again
      throw error;
    });
    return answer;
  };
}

export const loadUnits = cached(async () => {
  const { items } = await readAll((cursor) =>
    call(api.GET('/units', { params: { query: { limit: MAX_LIMIT, cursor } } })),
  );
  return items;
});

/** The units that take new issues: what an assignment may name (a retired unit keeps only its open issues). */
export const loadActiveUnits = cached(async () => {
  const { items } = await readAll((cursor) =>
    call(api.GET('/units', { params: { query: { active: true, limit: MAX_LIMIT, cursor } } })),
  );
  return items;
});

export const loadRegions = cached(async () => {
  const { items } = await readAll((cursor) =>
    call(api.GET('/regions', { params: { query: { limit: MAX_LIMIT, cursor } } })),
  );
  return items;
});

export const loadCategories = cached(async () => {
  const { items } = await readAll((cursor) =>
    call(api.GET('/categories', { params: { query: { limit: MAX_LIMIT, cursor } } })),
  );
  return items;
});

// A type alias, not an interface: Element Plus's option type has an index signature.
export type CascaderOption = {
  value: string;
  label: string;
  children?: CascaderOption[];
};

/** The region tree (prefecture → county) for a cascader; a region whose parent is unknown is a root. */
export function regionTree(regions: readonly Region[]): CascaderOption[] {
  const known = new Set(regions.map((r) => r.code));
  const children = new Map<string | null, Region[]>();
  for (const region of regions) {
    const parent = region.parent && known.has(region.parent) ? region.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), region]);
  }
  const build = (parent: string | null, depth: number): CascaderOption[] =>
    (children.get(parent) ?? [])
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((region) => {
        const below = depth < 16 ? build(region.code, depth + 1) : [];
        return below.length
          ? { value: region.code, label: region.name, children: below }
          : { value: region.code, label: region.name };
      });
  return build(null, 0);
}

/**
 * Names for codes, for templates: `unitName('xingren-gov')` → 兴仁市人民政府 once loaded, the code until then
 * (or when the API does not know it).
 */
export function useReference(what: { units?: boolean; regions?: boolean; categories?: boolean }) {
  const units = shallowRef<Unit[]>([]);
  const regions = shallowRef<Region[]>([]);
  const categories = shallowRef<Category[]>([]);
  const error = ref<unknown>(null);

  const unitNames = computed(() => new Map(units.value.map((u) => [u.code, u.name])));
  const regionNames = computed(() => new Map(regions.value.map((r) => [r.code, r.name])));
  const categoryNames = computed(() => new Map(categories.value.map((c) => [c.code, c.name])));

  const ready = Promise.all([
    what.units ? loadUnits().then((list) => (units.value = list)) : null,
    what.regions ? loadRegions().then((list) => (regions.value = list)) : null,
    what.categories ? loadCategories().then((list) => (categories.value = list)) : null,
  ]).then(
    () => undefined,
    (caught: unknown) => {
      // names fall back to codes; the page's own data still shows
      error.value = caught;
    },
  );

  return {
    units,
    regions,
    categories,
    error,
    ready,
    unitName: (code: string | null | undefined) => (code ? (unitNames.value.get(code) ?? code) : ''),
    regionName: (code: string | null | undefined) => (code ? (regionNames.value.get(code) ?? code) : ''),
    categoryName: (code: string | null | undefined) => (code ? (categoryNames.value.get(code) ?? code) : ''),
  };
}
