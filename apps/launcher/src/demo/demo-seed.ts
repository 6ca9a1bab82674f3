import { hash } from 'bcryptjs';
import { Client } from 'pg';
import { CALENDAR_2026 } from './calendar-2026';

// Demo data for Qianxinan Buyei and Miao Autonomous Prefecture (黔西南州). Every insert is
// `ON CONFLICT DO NOTHING` with fixed keys, so seeding twice adds nothing and never overwrites an admin's edits.

export interface DemoUser {
  username: string;
  password: string;
  role: string;
  unit: string | null;
}

const PREFECTURE = '522300';
const DEMO_PASSWORD = 'demo-password';

const PLACES = [
  { place: 'xingyi', region: '522301', name: '兴义市' },
  { place: 'xingren', region: '522302', name: '兴仁市' },
  { place: 'puan', region: '522323', name: '普安县' },
  { place: 'qinglong', region: '522324', name: '晴隆县' },
  { place: 'zhenfeng', region: '522325', name: '贞丰县' },
  { place: 'wangmo', region: '522326', name: '望谟县' },
  { place: 'ceheng', region: '522327', name: '册亨县' },
  { place: 'anlong', region: '522328', name: '安龙县' },
  // Yilong New District is a development zone without an official GB/T 2260 code; 522390 is our own choice.
  { place: 'yilong', region: '522390', name: '义龙新区', party: '中共义龙新区工作委员会', gov: '义龙新区管理委员会' },
];

const DEPARTMENTS: [string, string][] = [
  ['pref-transport', '州交通运输局'],
  ['pref-ecology', '州生态环境局'],
  ['pref-energy', '州能源局'],
  ['pref-emergency', '州应急管理局'],
  ['pref-agriculture', '州农业农村局'],
  ['pref-water', '州水务局'],
  ['pref-education', '州教育局'],
  ['pref-health', '州卫生健康局'],
];

const CATEGORIES: [string, string][] = [
  ['rural_roads', '农村公路管护'],
  ['rural_living_environment', '农村人居环境整治'],
  ['coal_industry_upgrade', '煤炭产业升级'],
  ['work_safety', '安全生产'],
  ['river_lake_chief', '河湖长制'],
  ['poverty_alleviation', '巩固脱贫攻坚成果'],
  ['education', '教育'],
  ['health', '卫生健康'],
];

interface RuleSeed {
  category: string | null;
  region: string;
  lead: string;
  co: string[];
}

// rural_roads and rural_living_environment have no rule of their own: they fall to the county rule, and one
// filed at the prefecture itself (522300) matches nothing and goes to triage.
const RULES: RuleSeed[] = [
  ...PLACES.map(({ place, region }) => ({ category: null, region, lead: `${place}-gov`, co: [] })),
  { category: 'coal_industry_upgrade', region: PREFECTURE, lead: 'pref-energy', co: ['pref-emergency'] },
  { category: 'work_safety', region: PREFECTURE, lead: 'pref-emergency', co: [] },
  { category: 'river_lake_chief', region: PREFECTURE, lead: 'pref-water', co: ['pref-ecology'] },
  { category: 'education', region: PREFECTURE, lead: 'pref-education', co: [] },
  { category: 'health', region: PREFECTURE, lead: 'pref-health', co: [] },
  ...PLACES.map(({ place, region }) => ({
    category: 'poverty_alleviation',
    region,
    lead: `${place}-party`,
    co: ['pref-agriculture'],
  })),
];

const LADDER = [
  { after: 'PT0S', level: 1 },
  { after: 'P3D', level: 2 },
  { after: 'P7D', level: 3 },
];

const POLICIES = [
  { severity: 'general', calendar: 'working', acknowledge: 'P1D', resolve: 'P15D', escalations: LADDER },
  { severity: 'major', calendar: 'working', acknowledge: 'P1D', resolve: 'P10D', escalations: LADDER },
  {
    severity: 'urgent',
    calendar: 'natural',
    acknowledge: 'PT4H',
    resolve: 'P3D',
    escalations: [
      { after: 'PT0S', level: 1 },
      { after: 'PT12H', level: 2 },
      { after: 'P1D', level: 3 },
    ],
  },
];

const USERS: { username: string; displayName: string; role: string; unit: string | null }[] = [
  { username: 'supervisor', displayName: '张督查', role: 'supervisor', unit: null },
  { username: 'inspector', displayName: '王科长', role: 'inspector', unit: 'pref-inspection' },
  { username: 'xingren-handler', displayName: '兴仁市人民政府 承办员', role: 'handler', unit: 'xingren-gov' },
  { username: 'xingyi-handler', displayName: '兴义市人民政府 承办员', role: 'handler', unit: 'xingyi-gov' },
  { username: 'energy-handler', displayName: '州能源局 承办员', role: 'handler', unit: 'pref-energy' },
];

/** The demo logins (the admin is not among them: the API creates it from ADMIN_USERNAME / ADMIN_PASSWORD). */
export const DEMO_USERS: readonly DemoUser[] = USERS.map(({ username, role, unit }) => ({
  username,
  password: DEMO_PASSWORD,
  role,
  unit,
}));

/** Fixed ids, so re-seeding finds the rows it made (ON CONFLICT on the key) instead of adding copies. */
function seedId(kind: 1 | 2, n: number): string {
  return `de5eed0${kind}-0000-4000-8000-${n.toString().padStart(12, '0')}`;
}

export async function seedDemo(databaseUrl: string): Promise<{ users: DemoUser[] }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const q = (sql: string, params: unknown[]) => client.query(`${sql} ON CONFLICT DO NOTHING`, params);

    const region = 'INSERT INTO regions (code, name, parent_code) VALUES ($1, $2, $3)';
    await q(region, [PREFECTURE, '黔西南布依族苗族自治州', null]);
    for (const p of PLACES) await q(region, [p.region, p.name, PREFECTURE]);

    const unit = 'INSERT INTO units (code, name, kind, region_code, parent_code) VALUES ($1, $2, $3, $4, $5)';
    await q(unit, ['pref-inspection', '州委督查室', 'inspection_office', PREFECTURE, null]);
    for (const [code, name] of DEPARTMENTS) await q(unit, [code, name, 'department', PREFECTURE, 'pref-inspection']);
    for (const p of PLACES) {
      const party = p.party ?? `中共${p.name}委员会`;
      await q(unit, [`${p.place}-party`, party, 'party_committee', p.region, 'pref-inspection']);
      await q(unit, [`${p.place}-gov`, p.gov ?? `${p.name}人民政府`, 'government', p.region, `${p.place}-party`]);
    }

    for (const [code, name] of CATEGORIES) await q('INSERT INTO categories (code, name) VALUES ($1, $2)', [code, name]);

    for (const [i, rule] of RULES.entries()) {
      await q(
        `INSERT INTO routing_rules (id, category_code, region_code, lead_unit, co_units, priority)
         VALUES ($1, $2, $3, $4, $5, 0)`,
        [seedId(1, i + 1), rule.category, rule.region, rule.lead, rule.co],
      );
    }

    for (const [i, p] of POLICIES.entries()) {
      await q(
        `INSERT INTO deadline_policies (id, severity, category_code, calendar, acknowledge_within, resolve_within,
           remind_at, escalations, verify_within, max_returns)
         VALUES ($1, $2, NULL, $3, $4, $5, '{0.5,0.8}', $6::jsonb, 'P5D', 2)`,
        [seedId(2, i + 1), p.severity, p.calendar, p.acknowledge, p.resolve, JSON.stringify(p.escalations)],
      );
    }

    for (const d of CALENDAR_2026) {
      await q('INSERT INTO calendar_days (day, type, name) VALUES ($1, $2, $3)', [d.day, d.type, d.name]);
    }

    for (const u of USERS) {
      await q(
        'INSERT INTO users (username, password_hash, display_name, role, unit_code) VALUES ($1, $2, $3, $4, $5)',
        [u.username, await hash(DEMO_PASSWORD, 10), u.displayName, u.role, u.unit],
      );
    }
    await client.query('COMMIT');
    return { users: [...DEMO_USERS] };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}
