import { randomBytes } from 'node:crypto';
import { HttpClient } from '@app/devkit';
import { DEMO_USERS } from '../../launcher/src/demo/demo-seed';
import { PREFECTURE } from './scenario/filings';
import { POLICY_DAYS, VERIFY_WITHIN_DAYS } from './scenario/profiles';

// The cast of simulated people: the demo's users, a handler for every unit, more supervisors, and their tokens.

export const ADMIN = { username: 'sim-admin', password: `sim-${randomBytes(9).toString('base64url')}` };
const USER_PASSWORD = 'simulate-password';
const DEMO_PASSWORD = DEMO_USERS[0]?.password ?? 'demo-password';

/** More supervisors beside the demo's `supervisor`; the CPPCC members among them also file proposals. */
const EXTRA_SUPERVISORS = [
  { username: 'li-supervisor', displayName: '李建华（州政协委员）', proposer: true },
  { username: 'chen-supervisor', displayName: '陈晓梅（州政协委员）', proposer: true },
  { username: 'zhao-supervisor', displayName: '赵国强（民主监督组组长）', proposer: false },
];

export interface Unit {
  code: string;
  name: string;
  kind: string;
  regionCode: string;
  parent: string | null;
}

export interface Cast {
  client: HttpClient;
  /** username → access token */
  tokens: Map<string, string>;
  inspector: string;
  supervisors: string[];
  /** CPPCC members among the supervisors: they file the proposals. */
  proposers: string[];
  /** unit code → the username of its handler */
  handlers: Map<string, string>;
  units: Map<string, Unit>;
  categories: Set<string>;
  /** category → the prefecture department a category-and-prefecture routing rule sends it to */
  categoryDepartment: Map<string, string>;
  log: (line: string) => void;
}

/** The seconds of `days` simulated days as an ISO-8601 duration: PT1S, PT0.25S, PT0S. */
function accelerated(days: number, dayMs: number): string {
  const seconds = Number(((days * dayMs) / 1000).toFixed(3));
  return `PT${seconds}S`;
}

/**
 * Sets the stage through the API as the admin: accelerated deadline policies on the natural calendar (one simulated
 * day = dayMs), a handler for every unit that works issues and has none, more supervisors; then everyone logs in.
 */
export async function prepareCast(client: HttpClient, dayMs: number, log: (line: string) => void): Promise<Cast> {
  const login = async (username: string, password: string) =>
    (await client.ok('POST', '/api/v1/auth/login', undefined, { username, password })).accessToken as string;
  const admin = await login(ADMIN.username, ADMIN.password);
  const api = (method: string, path: string, body?: unknown) => client.ok(method, `/api/v1${path}`, admin, body);

  const d = (days: number) => accelerated(days, dayMs);
  for (const [severity, policy] of Object.entries(POLICY_DAYS)) {
    await api('POST', '/deadline-policies', {
      severity,
      calendar: 'natural',
      acknowledgeWithin: d(policy.acknowledge),
      resolveWithin: d(policy.resolve),
      remindAt: [0.5, 0.8],
      escalations: policy.escalations.map((after, index) => ({ after: d(after), level: index + 1 })),
      verifyWithin: d(VERIFY_WITHIN_DAYS),
      maxReturns: 2,
    });
  }
  const policies: { severity: string; category: string | null; acknowledgeWithin: string; resolveWithin: string }[] = (
    await api('GET', '/deadline-policies')
  ).items;
  log(
    `deadline policies: ${policies
      .map((p) => `${p.severity}${p.category ? `/${p.category}` : ''} ${p.acknowledgeWithin}/${p.resolveWithin}`)
      .join(', ')}`,
  );

  const units = new Map<string, Unit>();
  for (const unit of await client.all<Unit>('/api/v1/units', admin)) units.set(unit.code, unit);
  const categories = new Set((await client.all<{ code: string }>('/api/v1/categories', admin)).map((c) => c.code));
  const categoryDepartment = new Map<string, string>();
  for (const rule of await client.all<{ category: string | null; regionCode: string | null; leadUnit: string }>(
    '/api/v1/routing-rules',
    admin,
  )) {
    if (rule.category && rule.regionCode === PREFECTURE) categoryDepartment.set(rule.category, rule.leadUnit);
  }

  // A handler for every unit that works issues and has none; more supervisors.
  const users = await client.all<{ username: string; role: string; unit: string | null }>('/api/v1/users', admin);
  const handlers = new Map<string, string>();
  for (const user of users)
    if (user.role === 'handler' && user.unit && !handlers.has(user.unit)) handlers.set(user.unit, user.username);
  const passwords = new Map<string, string>();
  for (const user of DEMO_USERS) passwords.set(user.username, DEMO_PASSWORD);
  let created = 0;
  for (const unit of [...units.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    if (unit.kind === 'inspection_office' || handlers.has(unit.code)) continue;
    const username = `${unit.code}-handler`;
    await api('POST', '/users', {
      username,
      password: USER_PASSWORD,
      displayName: `${unit.name} 承办员`,
      role: 'handler',
      unit: unit.code,
    });
    handlers.set(unit.code, username);
    passwords.set(username, USER_PASSWORD);
    created += 1;
  }
  const existing = new Set(users.map((user) => user.username));
  const supervisors = users.filter((user) => user.role === 'supervisor').map((user) => user.username);
  const proposers: string[] = [];
  for (const extra of EXTRA_SUPERVISORS) {
    if (!existing.has(extra.username)) {
      await api('POST', '/users', {
        username: extra.username,
        password: USER_PASSWORD,
        displayName: extra.displayName,
        role: 'supervisor',
      });
      created += 1;
      supervisors.push(extra.username);
    }
    passwords.set(extra.username, USER_PASSWORD);
    if (extra.proposer) proposers.push(extra.username);
  }
  const inspector = users.find((user) => user.role === 'inspector')?.username;
  if (!inspector) throw new Error('the demo seed has no inspector');
  if (supervisors.length === 0) throw new Error('no supervisors');
  log(
    `cast: ${supervisors.length} supervisors (${proposers.length} file proposals), ${handlers.size} unit handlers, ` +
      `inspector ${inspector}; ${created} users created via POST /users`,
  );

  const tokens = new Map<string, string>();
  const everyone = [inspector, ...supervisors, ...handlers.values()];
  await Promise.all(
    everyone.map(async (username) => {
      const password = passwords.get(username);
      if (!password) throw new Error(`no password known for ${username}`);
      tokens.set(username, await login(username, password));
    }),
  );
  return {
    client,
    tokens,
    inspector,
    supervisors: supervisors.sort(),
    proposers: proposers.sort(),
    handlers,
    units,
    categories,
    categoryDepartment,
    log,
  };
}
