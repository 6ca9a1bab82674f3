import { Client } from 'pg';
import { HttpClient, ManagedProcess, waitUntil } from '@app/devkit';
import { ADMIN } from './service';

export const SUPERVISOR = { username: 'bench-supervisor', password: 'bench-password' };
export const INSPECTOR = { username: 'bench-inspector', password: 'bench-password' };

// The seed: a prefecture, counties with a government each, a department that takes a category everywhere, and a
// policy with an escalation, so routing computes deadlines and arms timers as in production.

export const REGIONS = [
  ['522301', '兴义市', 'xingyi-gov'],
  ['522302', '兴仁市', 'xingren-gov'],
  ['522323', '普安县', 'puan-gov'],
  ['522324', '晴隆县', 'qinglong-gov'],
  ['522325', '贞丰县', 'zhenfeng-gov'],
  ['522326', '望谟县', 'wangmo-gov'],
  ['522327', '册亨县', 'ceheng-gov'],
  ['522328', '安龙县', 'anlong-gov'],
] as const;
export const CATEGORIES = ['rural_roads', 'living_environment', 'coal_upgrade'] as const;
/** coal_upgrade goes to the energy department wherever it is; the rest to the county government. */
function expectedUnit(category: string, regionCode: string): string {
  if (category === 'coal_upgrade') return 'energy-dept';
  return REGIONS.find(([code]) => code === regionCode)?.[2] ?? 'none';
}

/** Waits until no issue (of `ids`, when given) is still `filed`: routing has taken every one. */
export async function waitRouted(
  db: Client,
  watch: ManagedProcess[],
  { ids, timeoutMs = 600_000, everyMs = 100 }: { ids?: string[]; timeoutMs?: number; everyMs?: number } = {},
): Promise<void> {
  await waitUntil(
    'routing to take every filed issue',
    timeoutMs,
    async () => {
      const { rows } = ids
        ? await db.query<{ n: string }>(
            `SELECT count(*) AS n FROM issues WHERE status = 'filed' AND id = ANY($1::uuid[])`,
            [ids],
          )
        : await db.query<{ n: string }>(`SELECT count(*) AS n FROM issues WHERE status = 'filed'`);
      return Number(rows[0].n) === 0;
    },
    { everyMs, watch },
  );
}

/** The ids listed in a unit's inbox, every page. */
export async function inboxIds(client: HttpClient, token: string, unit: string, into = new Set<string>()) {
  for (const item of await client.all<{ id: string }>(`/api/v1/units/${unit}/inbox`, token)) into.add(item.id);
  return into;
}

/** The unit every bench unit reports to. */
export const INSPECTION_OFFICE = {
  code: 'bench-inspection',
  name: '州委督查室',
  kind: 'inspection_office',
  regionCode: '522300',
};

/** Major issues: acknowledge in a day, resolve in ten, escalate at once when late; routing arms these timers. */
export const DEADLINE_POLICY = {
  severity: 'major',
  calendar: 'natural',
  acknowledgeWithin: 'P1D',
  resolveWithin: 'P10D',
  escalations: [{ after: 'PT0S', level: 1 }],
};

export async function login(client: HttpClient, user: { username: string; password: string }): Promise<string> {
  return (await client.ok('POST', '/api/v1/auth/login', undefined, user)).accessToken as string;
}

export async function seed(client: HttpClient): Promise<{ admin: string; supervisor: string; inspector: string }> {
  const admin = await login(client, ADMIN);
  const post = (path: string, body: unknown) => client.ok('POST', `/api/v1${path}`, admin, body);
  await post('/regions', { code: '522300', name: '黔西南州' });
  await post('/units', INSPECTION_OFFICE);
  await post('/units', {
    code: 'energy-dept',
    name: '州能源局',
    kind: 'department',
    regionCode: '522300',
    parent: 'bench-inspection',
  });
  for (const category of CATEGORIES) await post('/categories', { code: category, name: category });
  for (const [code, name, unit] of REGIONS) {
    await post('/regions', { code, name, parent: '522300' });
    await post('/units', {
      code: unit,
      name: `${name}人民政府`,
      kind: 'government',
      regionCode: code,
      parent: 'bench-inspection',
    });
    await post('/routing-rules', { regionCode: code, leadUnit: unit });
  }
  await post('/routing-rules', { category: 'coal_upgrade', regionCode: '522300', leadUnit: 'energy-dept' });
  await post('/deadline-policies', DEADLINE_POLICY);
  await post('/users', { ...SUPERVISOR, displayName: 'Bench supervisor', role: 'supervisor' });
  await post('/users', { ...INSPECTOR, displayName: 'Bench inspector', role: 'inspector' });
  return { admin, supervisor: await login(client, SUPERVISOR), inspector: await login(client, INSPECTOR) };
}

export function issueBody(index: number) {
  const mod = (n: number) => ((index % n) + n) % n;
  const [regionCode] = REGIONS[mod(REGIONS.length)];
  const category = CATEGORIES[mod(CATEGORIES.length)];
  return {
    kind: 'supervision',
    title: `Bench issue ${index}`,
    description: 'The landslide in June cut the road; nothing has been done.',
    category,
    regionCode,
    severity: 'major',
    source: 'unannounced_visit',
    location: { township: '屯脚镇', village: '大山村', lat: 25.43, lng: 105.18 },
    evidence: [{ type: 'photo', uri: 'https://example.org/p/1.jpg', description: 'the slide' }],
  };
}

/**
 * Correctness of routing for a set of issues: each has exactly one issue.routed event, is assigned to the unit
 * its rule names, and none is missing. Returns a summary; throws nothing, the caller decides.
 */
export async function checkRouted(db: Client, ids: string[]) {
  const { rows } = await db.query<{
    id: string;
    status: string;
    lead_unit: string | null;
    category_code: string;
    region_code: string;
    routed: string;
  }>(
    `SELECT i.id, i.status, i.lead_unit, i.category_code, i.region_code,
            (SELECT count(*) FROM issue_events e WHERE e.issue_id = i.id AND e.type IN ('issue.routed', 'issue.triaged')) AS routed
       FROM issues i WHERE i.id = ANY($1::uuid[])`,
    [ids],
  );
  const found = new Map(rows.map((row) => [row.id, row]));
  const missing = ids.filter((id) => !found.has(id));
  const notOnce = rows.filter((row) => Number(row.routed) !== 1);
  const wrongUnit = rows.filter(
    (row) => row.status !== 'assigned' || row.lead_unit !== expectedUnit(row.category_code, row.region_code),
  );
  const duplicates = ids.length - new Set(ids).size;
  return {
    ok: missing.length === 0 && notOnce.length === 0 && wrongUnit.length === 0 && duplicates === 0,
    issues: ids.length,
    missing: missing.length,
    duplicateIds: duplicates,
    routedNotExactlyOnce: notOnce.length,
    wrongUnitOrStatus: wrongUnit.length,
  };
}
