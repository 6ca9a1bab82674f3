import { TestApp, waitFor } from './test-app';

export const API = '/api/v1';

/**
 * A small prefecture: two counties with a government each, a department, the inspection office, a region rule
 * per county, a category rule at the prefecture, and a policy per severity. Users: one per role and unit.
 */
export async function seedReference(app: TestApp): Promise<void> {
  const admin = await app.as('admin');
  const ok = async (response: Promise<{ status: number; body: unknown }>) => {
    const result = await response;
    if (result.status >= 300) throw new Error(`seed failed: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body as Record<string, unknown>;
  };
  await ok(admin.post(`${API}/regions`, { code: '522300', name: '黔西南州' }));
  await ok(admin.post(`${API}/regions`, { code: '522301', name: '兴义市', parent: '522300' }));
  await ok(admin.post(`${API}/regions`, { code: '522302', name: '兴仁市', parent: '522300' }));
  for (const category of ['rural_roads', 'coal_industry_upgrade', 'unrouted']) {
    await ok(admin.post(`${API}/categories`, { code: category, name: category }));
  }
  await ok(
    admin.post(`${API}/units`, {
      code: 'pref-inspection',
      name: '州委督查室',
      kind: 'inspection_office',
      regionCode: '522300',
    }),
  );
  await ok(
    admin.post(`${API}/units`, {
      code: 'xingyi-gov',
      name: '兴义市人民政府',
      kind: 'government',
      regionCode: '522301',
      parent: 'pref-inspection',
    }),
  );
  await ok(
    admin.post(`${API}/units`, {
      code: 'xingren-gov',
      name: '兴仁市人民政府',
      kind: 'government',
      regionCode: '522302',
      parent: 'pref-inspection',
    }),
  );
  await ok(
    admin.post(`${API}/units`, {
      code: 'pref-energy',
      name: '州能源局',
      kind: 'department',
      regionCode: '522300',
      parent: 'pref-inspection',
    }),
  );
  await ok(
    admin.post(`${API}/units`, {
      code: 'pref-emergency',
      name: '州应急管理局',
      kind: 'department',
      regionCode: '522300',
      parent: 'pref-inspection',
    }),
  );
  await ok(admin.post(`${API}/routing-rules`, { regionCode: '522301', leadUnit: 'xingyi-gov' }));
  await ok(admin.post(`${API}/routing-rules`, { regionCode: '522302', leadUnit: 'xingren-gov' }));
  await ok(
    admin.post(`${API}/routing-rules`, {
      category: 'coal_industry_upgrade',
      regionCode: '522300',
      leadUnit: 'pref-energy',
      coUnits: ['pref-emergency'],
    }),
  );
  for (const severity of ['general', 'major', 'urgent']) {
    await ok(
      admin.post(`${API}/deadline-policies`, {
        severity,
        calendar: 'natural',
        acknowledgeWithin: 'P1D',
        resolveWithin: 'P10D',
        escalations: [{ after: 'PT0S', level: 1 }],
      }),
    );
  }
  const users: [string, string, string?][] = [
    ['supervisor', 'supervisor'],
    ['supervisor2', 'supervisor'],
    ['inspector', 'inspector'],
    ['xingren-handler', 'handler', 'xingren-gov'],
    ['xingyi-handler', 'handler', 'xingyi-gov'],
    ['energy-handler', 'handler', 'pref-energy'],
    ['emergency-handler', 'handler', 'pref-emergency'],
  ];
  await Promise.all(
    users.map(([username, role, unit]) =>
      ok(admin.post(`${API}/users`, { username, password: 'test-password', displayName: username, role, unit })),
    ),
  );
}

export function issueBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'supervision',
    title: 'Village road to Dashan unrepaired after landslide',
    description: 'The landslide in June cut the road; nothing has been done.',
    category: 'rural_roads',
    regionCode: '522302',
    severity: 'major',
    source: 'unannounced_visit',
    location: { township: '屯脚镇', village: '大山村', lat: 25.43, lng: 105.18 },
    evidence: [{ type: 'photo', uri: 'https://example.org/p/1.jpg', description: 'the slide' }],
    ...overrides,
  };
}

/** Files an issue as `username` and waits until routing has taken it out of `filed`. */
export async function fileRouted(app: TestApp, overrides: Record<string, unknown> = {}, username = 'supervisor') {
  const client = await app.as(username);
  const filed = await client.post(`${API}/issues`, issueBody(overrides));
  if (filed.status !== 201) throw new Error(`file failed: ${filed.status} ${JSON.stringify(filed.body)}`);
  const inspector = await app.as('inspector');
  return waitFor(
    async () => {
      const current = await inspector.get(`${API}/issues/${filed.body.id}`);
      return current.body.status !== 'filed' ? current.body : undefined;
    },
    10_000,
    'routing',
  );
}
