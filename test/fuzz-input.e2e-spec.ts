import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { API, fileRouted, issueBody, seedReference } from './support/factories';
import { TestApp } from './support/test-app';

/**
 * Issue #5: a table of malformed requests generated from the OpenAPI document, so every endpoint the API documents
 * is covered without listing it here. Nothing a client sends may answer 5xx; every 4xx is `{statusCode, error,
 * message}`; a 400 caused by one field names that field.
 */

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  example?: unknown;
  default?: unknown;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One request of the table; `field` is what the message of a 400 must name, when one field is at fault. */
interface Case {
  op: string;
  what: string;
  method: Method;
  path: string;
  query?: string;
  body?: unknown;
  raw?: { type: string; data: string };
  headers?: Record<string, string>;
  field?: string;
  user: string | null;
  /** Statuses this case must answer with (besides the global rules); undefined: any non-5xx. */
  expect?: number[];
}

const WRONG_VALUES: [string, unknown][] = [
  ['number', 42],
  ['string', 'not-the-right-type'],
  ['boolean', true],
  ['array', ['x']],
  ['object', { nested: 1 }],
  ['null', null],
];
const LONG_10K = 'x'.repeat(10_001);
const LONG_1M = 'x'.repeat(1_100_000);
const WEIRD_STRINGS: [string, string][] = [
  ['empty string', ''],
  ['10,001 chars', LONG_10K],
  ['NUL byte', 'a\u0000b'],
  ['lone surrogate', '\ud800x'],
  ['SQL-ish', "' OR 1=1; DROP TABLE issues; --"],
  ['whitespace only', '   \t\n '],
  ['emoji and RTL', '😀\u202eabc'],
];
const HUGE_NUMBERS: [string, unknown][] = [
  ['1e308', 1e308],
  ['-1e308', -1e308],
  ['unsafe integer', 2 ** 53 + 2],
  ['fraction', 1.5],
  ['negative', -1],
];
const WEIRD_IDS: [string, string][] = [
  ['not-a-uuid', 'not-a-uuid'],
  ['%FF', '%FF'],
  ['%00', 'a%00b'],
  ['very long', 'a'.repeat(5000)],
  ['uuid-ish with extra', `${randomUUID()}-x`],
  ['nil uuid', '00000000-0000-0000-0000-000000000000'],
  ['upper-case unknown uuid', randomUUID().toUpperCase()],
  ['dot dot', '..%2F..%2Fhealth'],
  ['number', '42'],
];
const b64 = (text: string) => Buffer.from(text).toString('base64url');
const WEIRD_CURSORS: [string, string][] = [
  ['garbage', 'garbage'],
  ['base64 array of junk', b64('["x","y"]')],
  ['base64 object', b64('{"a":1}')],
  ['base64 null', b64('null')],
  ['base64 huge number', b64('[1e400, "00000000-0000-0000-0000-000000000000"]')],
  ['base64 bad date', b64('["2026-13-45T99:00:00Z","00000000-0000-0000-0000-000000000000"]')],
  ['base64 bad uuid', b64('["2026-01-01T00:00:00.000Z","not-a-uuid"]')],
  ['%FF', '%FF'],
  ['1,001 chars', 'c'.repeat(1001)],
  ['empty', ''],
];
const WEIRD_LIMITS = ['0', '-1', '501', '1.5', 'abc', '1e3', '', '99999999999999999999', ' 5', '0x10', 'NaN'];
const BROKEN_JSON: [string, string][] = [
  ['truncated', '{"title": '],
  ['bare string', '"hello"'],
  ['bare number', '42'],
  ['null', 'null'],
  ['array', '[]'],
  ['array of objects', '[{"a":1}]'],
  ['trailing comma', '{"a":1,}'],
  ['__proto__', '{"__proto__":{"polluted":true}}'],
  ['constructor', '{"constructor":{"prototype":{"polluted":true}}}'],
  ['deep nesting', `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`],
  ['NUL in JSON string', '{"x":"\\u0000"}'],
];

/** Who calls what in this table: a role the contract allows (API.md). New endpoints fall back to probing. */
const CALLER: Record<string, string | null> = {
  'post /api/v1/auth/login': null,
  'get /health': null,
  'post /api/v1/issues': 'supervisor',
  'post /api/v1/issues/{id}/acknowledge': 'xingren-handler',
  'post /api/v1/issues/{id}/return': 'xingren-handler',
  'post /api/v1/issues/{id}/progress': 'xingren-handler',
  'post /api/v1/issues/{id}/rectification': 'xingren-handler',
  'post /api/v1/issues/{id}/extension-requests': 'xingren-handler',
  'post /api/v1/issues/{id}/verification': 'supervisor',
  'post /api/v1/issues/{id}/withdraw': 'supervisor',
  'get /api/v1/notifications': 'xingren-handler',
  'post /api/v1/notifications/{id}/read': 'xingren-handler',
  'get /api/v1/auth/me': 'supervisor',
  'get /api/v1/app-info': null,
  'post /api/v1/attachments': 'supervisor',
  'get /api/v1/routing-rules/explain': 'inspector',
  'get /api/v1/audit-log': 'admin',
  'post /api/v1/bulletins': 'inspector',
};

/**
 * Operations whose baseline is refused on purpose, and why. A successful password change would end the caller's
 * session for the cases after it (they would all be 401), so its baseline gives a wrong current password, which is
 * refused after validation; uploads are multipart, and this table sends JSON.
 */
const BASELINE_REFUSALS: Record<string, number> = {
  'POST /api/v1/auth/password': 400,
  'POST /api/v1/attachments': 400,
};
const INSPECTOR_PREFIXES = [
  '/api/v1/issues',
  '/api/v1/units/{code}/inbox',
  '/api/v1/oversight',
  '/api/v1/reports',
  '/api/v1/extension-requests',
  '/api/v1/bulletins',
];

describe('fuzzed input from the OpenAPI document', () => {
  let app: TestApp;
  let doc: OpenApi;
  const pathValues: Record<string, Record<string, string>> = {};
  let ruleSet: unknown;
  let counter = 0;
  const unique = () => (counter += 1);

  beforeAll(async () => {
    // No network here: webhook targets on loopback stand in for public ones.
    app = await TestApp.start({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
    await seedReference(app);
    for (const user of ['admin', 'supervisor', 'inspector', 'xingren-handler']) await app.token(user);
    doc = (await app.http.get('/docs-json')).body as OpenApi;

    // An issue per command, in the status the command wants, so a request that survives validation goes deep.
    const handler = await app.as('xingren-handler');
    const issueFor = async (op: string, to: 'assigned' | 'in_progress' | 'rectification_submitted') => {
      const issue = await fileRouted(app, { regionCode: '522302', title: `fuzz ${op}` });
      if (to !== 'assigned') await handler.post(`${API}/issues/${issue.id}/acknowledge`);
      if (to === 'rectification_submitted')
        await handler.post(`${API}/issues/${issue.id}/rectification`, { summary: 'done' });
      pathValues[op] = { id: issue.id };
      return issue.id as string;
    };
    await Promise.all([
      ...['get', 'timeline', 'acknowledge', 'return', 'assign', 'withdraw', 'supervision-notices', 'key'].map((op) =>
        issueFor(op, 'assigned'),
      ),
      ...['progress', 'rectification', 'extension-requests'].map((op) => issueFor(op, 'in_progress')),
      issueFor('verification', 'rectification_submitted'),
      (async () => {
        const id = await issueFor('decision', 'in_progress');
        const requested = await handler.post(`${API}/issues/${id}/extension-requests`, {
          requestedDueAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
          reason: 'rain',
        });
        pathValues.decision.requestId = requested.body.id;
      })(),
    ]);
    const admin = await app.as('admin');
    const rule = await admin.post(`${API}/routing-rules`, { category: 'unrouted', leadUnit: 'xingyi-gov' });
    pathValues.rule = { id: rule.body.id };
    const hook = await admin.post(`${API}/webhooks`, {
      url: 'http://127.0.0.1:9/fuzz-hook',
      events: ['issue.reminder_sent'],
      secret: 's'.repeat(20),
    });
    pathValues.webhook = { id: hook.body.id ?? randomUUID() };
    const rules = (await admin.get(`${API}/assessment/rules`)).body;
    ruleSet = { base: rules.base, rules: rules.rules };
    await admin.post(`${API}/users`, {
      username: 'fuzz-login',
      password: 'test-password',
      displayName: 'fuzz',
      role: 'supervisor',
    });
  });

  afterAll(() => app.close());

  /** A body the contract accepts, per schema; anything else is built from the schema itself. */
  const validBody = (schemaName: string, schema: Schema): unknown => {
    const n = unique();
    const future = new Date(Date.now() + 60 * 86_400_000).toISOString();
    const known: Record<string, () => unknown> = {
      LoginDto: () => ({ username: 'fuzz-login', password: 'test-password' }),
      CreateUserDto: () => ({
        username: `fuzz-user-${n}`,
        password: 'long-enough-password',
        displayName: 'Fuzz',
        role: 'handler',
        unit: 'xingyi-gov',
      }),
      CreateRegionDto: () => ({ code: String(523000 + n), name: 'r', parent: '522300' }),
      CreateUnitDto: () => ({
        code: `fz-${n}`,
        name: 'u',
        kind: 'department',
        regionCode: '522300',
        parent: 'pref-inspection',
      }),
      CreateCategoryDto: () => ({ code: `fz_${n}`, name: 'c' }),
      CreateRoutingRuleDto: () => ({
        category: 'unrouted',
        regionCode: '522301',
        leadUnit: 'xingyi-gov',
        coUnits: ['pref-emergency'],
        priority: 0,
      }),
      CreateDeadlinePolicyDto: () => ({
        severity: 'general',
        category: 'unrouted',
        calendar: 'working',
        acknowledgeWithin: 'P1D',
        resolveWithin: 'P15D',
        remindAt: [0.5, 0.8],
        escalations: [{ after: 'PT0S', level: 1 }],
        verifyWithin: 'P5D',
        maxReturns: 2,
      }),
      PutCalendarDayDto: () => ({ type: 'holiday', name: '国庆节' }),
      FileIssueDto: () => issueBody({ title: `fuzz filed ${n}` }),
      EmptyBodyDto: () => ({}),
      ReturnIssueDto: () => ({ reason: 'not ours', reasonCode: 'not_our_duty' }),
      ProgressDto: () => ({ note: 'working on it' }),
      RectificationDto: () => ({
        summary: 'fixed',
        evidence: [{ type: 'photo', uri: 'https://example.org/a.jpg', description: 'after' }],
      }),
      VerificationDto: () => ({ outcome: 'rejected', comment: 'not yet', satisfaction: 'unsatisfied', dueAt: future }),
      AssignDto: () => ({ leadUnit: 'xingren-gov', coUnits: ['pref-emergency'], reason: 'reassign' }),
      WithdrawDto: () => ({ reason: 'filed in error' }),
      ExtensionRequestDto: () => ({ requestedDueAt: future, reason: 'rain' }),
      ExtensionDecisionDto: () => ({ approved: false, comment: 'no' }),
      SupervisionNoticeDto: () => ({ note: 'hurry' }),
      KeyDto: () => ({ isKey: true }),
      NewPasswordDto: () => ({ newPassword: 'fuzz-new-password' }),
      UpdateUserDto: () => ({ displayName: 'Fuzz' }),
      UpdateProfileDto: () => ({ phone: '+86 859 000 0000' }),
      UpdateRegionDto: () => ({ name: '兴仁市' }),
      UpdateUnitDto: () => ({ name: '兴仁市人民政府' }),
      UpdateCategoryDto: () => ({ name: 'rural_roads' }),
      UpdateRoutingRuleDto: () => ({ priority: 1 }),
      UpdateDeadlinePolicyDto: () => ({ maxReturns: 3 }),
      PutCalendarYearDto: () => ({ days: [{ date: '2031-05-01', type: 'holiday', name: '劳动节' }] }),
      ChangePasswordDto: () => ({ currentPassword: 'not-the-current-one', newPassword: 'fuzz-new-password' }),
      RuleSetDto: () => structuredClone(ruleSet),
      EvaluationDto: () => ({ unit: 'xingren-gov', period: '2026-Q1', score: 80, comment: 'ok' }),
      // A special bulletin: the same dates may be published again, so every case reaches the service.
      MakeBulletinDto: () => ({ from: '2026-01-01', to: '2026-01-31', title: 'fuzz' }),
      CreateWebhookDto: () => ({
        url: 'http://127.0.0.1:9/hook',
        events: ['issue.reminder_sent'],
        secret: 'a-secret-of-enough-length',
      }),
    };
    return known[schemaName] ? known[schemaName]() : fromSchema(schema);
  };

  const resolve = (schema: Schema): Schema =>
    schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop() as string] : schema;

  const fromSchema = (raw: Schema): unknown => {
    const schema = resolve(raw);
    if (schema.example !== undefined) return schema.example;
    if (schema.enum) return schema.enum[0];
    switch (schema.type) {
      case 'object':
        return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, fromSchema(v)]));
      case 'array':
        return schema.items ? [fromSchema(schema.items)] : [];
      case 'number':
      case 'integer':
        return schema.minimum ?? 1;
      case 'boolean':
        return true;
      default:
        return schema.format === 'date-time' ? new Date(Date.now() + 86_400_000).toISOString() : 'x';
    }
  };

  /** Values for the path of an operation, so a request that passes validation reaches a real row. */
  const pathFor = (op: string, template: string, override: Record<string, string> = {}) => {
    const command = /\/issues\/\{id\}(?:\/([a-z-]+))?/.exec(template);
    const key = command
      ? template.includes('{requestId}')
        ? 'decision'
        : template.endsWith('{id}')
          ? 'get'
          : (command[1] ?? 'get')
      : template.includes('routing-rules')
        ? 'rule'
        : template.includes('webhooks')
          ? 'webhook'
          : '';
    const values: Record<string, string> = {
      code: template.startsWith('/api/v1/regions')
        ? '522302'
        : template.startsWith('/api/v1/categories')
          ? 'rural_roads'
          : 'xingren-gov',
      year: '2031',
      date: '2030-10-01',
      id: randomUUID(),
      requestId: randomUUID(),
      deliveryId: randomUUID(),
      ...(pathValues[key] ?? {}),
      ...override,
    };
    return template.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? 'x');
  };

  const callerOf = (method: string, path: string): string | null => {
    const key = `${method} ${path}`;
    if (key in CALLER) return CALLER[key];
    if (method === 'get' && INSPECTOR_PREFIXES.some((prefix) => path.startsWith(prefix))) return 'inspector';
    if (['post /api/v1/issues/', 'post /api/v1/assessment/evaluations'].some((p) => key.startsWith(p))) {
      return 'inspector';
    }
    if (path.startsWith('/api/v1/assessment/units') || path.startsWith('/api/v1/assessment/export')) {
      return 'inspector';
    }
    const adminOnly = [
      '/api/v1/users',
      '/api/v1/webhooks',
      '/api/v1/assessment/rules',
      '/api/v1/notification-deliveries',
    ];
    return method === 'get' && !adminOnly.some((prefix) => path.startsWith(prefix)) ? 'supervisor' : 'admin';
  };

  const queryString = (params: Record<string, string | string[]>) =>
    Object.entries(params)
      .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((one) => `${encodeURIComponent(k)}=${one}`))
      .join('&');

  /** Builds the whole table: every operation × every field × every mutation. */
  const buildCases = (): Case[] => {
    const cases: Case[] = [];
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations) as [Method, Operation][]) {
        const op = `${method.toUpperCase()} ${template}`;
        const user = callerOf(method, template);
        const params = operation.parameters ?? [];
        const queryParams = params.filter((p) => p.in === 'query');
        const pathParams = params.filter((p) => p.in === 'path');
        const baseQuery: Record<string, string> = {};
        for (const p of queryParams.filter((q) => q.required)) baseQuery[p.name] = String(fromSchema(p.schema));
        const bodyRef = operation.requestBody?.content['application/json']?.schema;
        const bodySchema = bodyRef ? resolve(bodyRef) : undefined;
        const bodyName = bodyRef?.$ref?.split('/').pop() ?? '';
        const body = () => (bodySchema ? validBody(bodyName, bodySchema) : undefined);
        const base = (what: string, extra: Partial<Case> = {}): Case => ({
          op,
          what,
          method,
          path: pathFor(op, template),
          query: queryString(baseQuery),
          body: body(),
          user,
          ...extra,
        });

        cases.push(base('baseline'));
        cases.push(base('unknown query parameter', { query: queryString({ ...baseQuery, zzUnknown: '1' }) }));

        for (const p of pathParams) {
          for (const [name, value] of WEIRD_IDS) {
            cases.push(base(`path ${p.name} ${name}`, { path: pathFor(op, template, { [p.name]: value }) }));
          }
          if (p.name === 'code' || p.name === 'date') {
            for (const value of ['Bad%20Code', 'UPPER', 'c'.repeat(65), '2026-02-30', 'tomorrow']) {
              cases.push(
                base(`path ${p.name} ${value.slice(0, 12)}`, { path: pathFor(op, template, { [p.name]: value }) }),
              );
            }
          }
        }

        for (const p of queryParams) {
          const schema = resolve(p.schema);
          const values: [string, string, boolean][] = [
            ['10,001 chars', LONG_10K, false],
            ['%FF', '%FF', false],
            ['repeated', '', false],
          ];
          if (schema.enum) values.push(['bad enum', 'not_a_member', true]);
          if (schema.type === 'boolean') values.push(['not a boolean', 'maybe', true], ['1', '1', false]);
          if (schema.type === 'number' || schema.type === 'integer') {
            values.push(['not a number', 'abc', true], ['huge', '1e309', true]);
            if (schema.minimum !== undefined) values.push(['below minimum', String(schema.minimum - 1), true]);
            if (schema.maximum !== undefined) values.push(['above maximum', String(schema.maximum + 1), true]);
          }
          if (p.name === 'limit') for (const limit of WEIRD_LIMITS) values.push([`limit ${limit}`, limit, false]);
          if (p.name === 'cursor')
            for (const [name, cursor] of WEIRD_CURSORS)
              values.push([`cursor ${name}`, encodeURIComponent(cursor).replace('%25FF', '%FF'), false]);
          if (schema.example !== undefined || /^(from|to)$/.test(p.name)) {
            values.push(['bad date', '2026-13-45', true], ['zero date', '0000-00-00', true]);
          }
          for (const [name, value, mustFail] of values) {
            const query =
              name === 'repeated'
                ? queryString({ ...baseQuery, [p.name]: [String(fromSchema(p.schema)), String(fromSchema(p.schema))] })
                : queryString({ ...baseQuery, [p.name]: value });
            cases.push(base(`query ${p.name} ${name}`, { query, field: p.name, expect: mustFail ? [400] : undefined }));
          }
          if (p.required) {
            const rest = { ...baseQuery };
            delete rest[p.name];
            cases.push(base(`query ${p.name} missing`, { query: queryString(rest), field: p.name, expect: [400] }));
          }
        }

        if (method === 'post' || method === 'put') {
          for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
            cases.push(base(`content type ${contentType}`, { raw: { type: contentType, data: 'title=hello&x=1' } }));
          }
          for (const [name, data] of BROKEN_JSON) {
            cases.push(base(`JSON ${name}`, { raw: { type: 'application/json', data } }));
          }
          cases.push(base('body over 1 MiB', { body: { pad: LONG_1M }, expect: [413] }));
          if (bodySchema) cases.push(...bodyCases(base, bodySchema, ''));
        }
        if (template.includes('/issues/{id}/') && method === 'post') {
          for (const ifMatch of ['abc', '9999999999', '-1', '1.5', '"', 'W/"x"', LONG_10K.slice(0, 8000)]) {
            cases.push(
              base(`If-Match ${ifMatch.slice(0, 10)}`, {
                headers: { 'If-Match': ifMatch },
                field: 'If-Match',
                expect: [400],
              }),
            );
          }
          cases.push(base('If-Match stale', { headers: { 'If-Match': '0' } }));
        }
        if (op === 'POST /api/v1/issues') {
          cases.push(
            base('Idempotency-Key 201 chars', { headers: { 'Idempotency-Key': 'k'.repeat(201) }, expect: [400] }),
          );
        }
        if (user) {
          cases.push(base('malformed bearer', { headers: { Authorization: 'Bearer a.b.c' }, expect: [401] }));
          cases.push(base('scheme only', { headers: { Authorization: 'Bearer' }, expect: [401] }));
        }
      }
    }
    return cases;
  };

  /** Mutations of each field of a body schema, recursing one level into nested objects and arrays of objects. */
  const bodyCases = (base: (what: string, extra?: Partial<Case>) => Case, schema: Schema, prefix: string): Case[] => {
    const cases: Case[] = [];
    // Where in the body `prefix` points: '' (top), 'location' (object) or 'evidence[0]' (first item of an array).
    const at = (body: Record<string, unknown>): Record<string, unknown> | undefined => {
      if (!prefix) return body;
      const match = /^(\w+)(?:\[0\])?$/.exec(prefix);
      const container = body[match?.[1] ?? ''];
      const target = Array.isArray(container) ? container[0] : container;
      return target && typeof target === 'object' ? (target as Record<string, unknown>) : undefined;
    };
    const push = (
      what: string,
      field: string,
      change: (target: Record<string, unknown>) => void,
      expect?: number[],
    ) => {
      const b = base(`body ${field} ${what}`);
      const body = structuredClone(b.body) as Record<string, unknown>;
      const target = at(body);
      if (!target) return;
      change(target);
      cases.push({ ...b, body, field, expect });
    };
    const join = (name: string) => (prefix ? `${prefix}.${name}` : name);

    push('unknown field', join('zzUnknown'), (t) => (t.zzUnknown = 1), [400]);
    for (const [name, raw] of Object.entries(schema.properties ?? {})) {
      const field = join(name);
      const prop = resolve(raw);
      const required = schema.required?.includes(name) ?? false;
      if (required) push('missing', field, (t) => delete t[name], [400]);
      for (const [label, value] of WRONG_VALUES) {
        const sameType =
          (label === prop.type && label !== 'object') ||
          (label === 'number' && prop.type === 'integer') ||
          (label === 'array' && prop.type === 'array' && !prop.items?.$ref) ||
          (label === 'object' && prop.type === 'object' && !prop.properties);
        if (sameType) continue;
        // null for an optional field reads as "absent", which the contract allows
        const mustFail = label !== 'null' || required;
        push(`as ${label}`, field, (t) => (t[name] = value), mustFail ? [400] : undefined);
      }
      if (prop.enum) push('bad enum', field, (t) => (t[name] = 'not_a_member'), [400]);
      if (prop.type === 'string') {
        for (const [label, value] of WEIRD_STRINGS) push(label, field, (t) => (t[name] = value));
        if (prop.maxLength !== undefined)
          push('over maxLength', field, (t) => (t[name] = 'y'.repeat((prop.maxLength as number) + 1)), [400]);
        if (prop.minLength)
          push('under minLength', field, (t) => (t[name] = 'y'.repeat((prop.minLength as number) - 1)), [400]);
        if (prop.format === 'date-time') push('not a date', field, (t) => (t[name] = 'tomorrow-ish'), [400]);
      }
      if (prop.type === 'number' || prop.type === 'integer') {
        for (const [label, value] of HUGE_NUMBERS) push(label, field, (t) => (t[name] = value));
        if (prop.minimum !== undefined)
          push('below minimum', field, (t) => (t[name] = (prop.minimum as number) - 1), [400]);
        if (prop.maximum !== undefined)
          push('above maximum', field, (t) => (t[name] = (prop.maximum as number) + 1), [400]);
      }
      if (prop.type === 'array') {
        push('10,000 items', field, (t) => (t[name] = Array.from({ length: 10_000 }, () => 'x')));
        push('array of nulls', field, (t) => (t[name] = [null]), [400]);
        push('nested arrays', field, (t) => (t[name] = [[[]]]), [400]);
        const item = prop.items ? resolve(prop.items) : undefined;
        if (item?.enum) push('item bad enum', field, (t) => (t[name] = ['not_a_member']), [400]);
        if (item?.type === 'object' && !prefix) cases.push(...bodyCases(base, item, `${name}[0]`));
      }
      if (prop.type === 'object' && prop.properties && !prefix) cases.push(...bodyCases(base, prop, name));
    }
    return cases;
  };

  /** An event stream that opens never ends: its answer is its status line, and then it is dropped. */
  const streaming = (c: Case) =>
    !!doc.paths[c.op.slice(c.op.indexOf(' ') + 1)]?.[c.method]?.responses?.['200']?.content?.['text/event-stream'];

  const send = async (c: Case): Promise<Response> => {
    const url = `${c.path}${c.query ? `?${c.query}` : ''}`;
    let request = app.http[c.method](url);
    if (c.user) request = request.set('Authorization', `Bearer ${await app.token(c.user)}`);
    for (const [name, value] of Object.entries(c.headers ?? {})) request = request.set(name, value);
    if (c.raw) return request.set('Content-Type', c.raw.type).send(c.raw.data);
    if (c.body !== undefined && ['post', 'put', 'patch'].includes(c.method)) return request.send(c.body as object);
    if (streaming(c)) {
      return new Promise<Response>((resolve, reject) => {
        request
          .buffer(false)
          .parse((raw, done) => {
            const response = raw as unknown as IncomingMessage;
            if (response.statusCode === 200) {
              resolve({ status: 200, body: {}, text: '', headers: response.headers } as unknown as Response);
              response.destroy();
              return done(null, null);
            }
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
            response.on('end', () => {
              resolve({ status: response.statusCode, body: JSON.parse(text || '{}'), text } as unknown as Response);
              done(null, null);
            });
          })
          .end((error) => error && !String(error).includes('aborted') && reject(error));
      });
    }
    return request;
  };

  // Three thousand requests: on two busy cores beside the other suites, longer than the default minute.
  it('answers every malformed request without a 5xx, in the error shape, naming the field', async () => {
    const started = Date.now();
    const cases = buildCases();
    const operations = new Set(cases.map((c) => c.op));
    const byClass: Record<string, number> = {};
    const byStatus: Record<number, number> = {};
    const problems: string[] = [];
    const baselines: Record<string, number> = {};

    // The baseline rows first, one by one: they show the table sends what the contract accepts.
    const [firstRows, rest] = [
      cases
        .filter((c) => c.what === 'baseline')
        // deletions last, so reads of the same row run while it exists
        .sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete')),
      cases.filter((c) => c.what !== 'baseline'),
    ];
    const check = (c: Case, response: Response) => {
      const status = response.status;
      byClass[`${Math.floor(status / 100)}xx`] = (byClass[`${Math.floor(status / 100)}xx`] ?? 0) + 1;
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      const described = `${c.op} [${c.what}] as ${c.user ?? 'nobody'} → ${status} ${JSON.stringify(response.body ?? response.text).slice(0, 300)}`;
      if (status >= 500) return void problems.push(`5xx: ${described}`);
      if (status >= 400) {
        const body = response.body as { statusCode?: unknown; error?: unknown; message?: unknown };
        if (
          !body ||
          body.statusCode !== status ||
          typeof body.error !== 'string' ||
          typeof body.message !== 'string' ||
          !body.message
        ) {
          problems.push(`shape: ${described} (content-type ${response.headers['content-type']})`);
        }
        if (status === 400 && c.field && typeof body?.message === 'string' && !body.message.includes(c.field)) {
          if (baselines[c.op] !== 400) problems.push(`unnamed field ${c.field}: ${described}`);
        }
      }
      if (c.expect && !c.expect.includes(status) && baselines[c.op] !== 400) {
        problems.push(`expected ${c.expect.join('|')}: ${described}`);
      }
    };
    for (const c of firstRows) {
      const response = await send(c);
      baselines[c.op] = response.status;
      check(c, response);
      const refusal = BASELINE_REFUSALS[c.op] === response.status;
      if (response.status >= 400 && ![401, 404, 409].includes(response.status) && !refusal) {
        problems.push(
          `baseline not accepted: ${c.op} → ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`,
        );
      }
    }
    // The rest in small parallel batches keeps the run well under a minute.
    for (let i = 0; i < rest.length; i += 16) {
      const batch = rest.slice(i, i + 16);
      const responses = await Promise.all(batch.map((c) => send(c)));
      batch.forEach((c, j) => check(c, responses[j]));
    }

    const total = Object.values(byClass).reduce((sum, n) => sum + n, 0);
    const odd = Object.entries(baselines).filter(([, status]) => status >= 300);
    console.info(`fuzz: baselines not 2xx (expected for login-free 401s, 404 ids, 409 states): ${JSON.stringify(odd)}`);
    console.info(
      `fuzz: ${total} requests over ${operations.size} operations in ${Date.now() - started} ms; by class ${JSON.stringify(byClass)}; by status ${JSON.stringify(byStatus)}; problems ${problems.length}\n${problems.join('\n')}`,
    );
    expect(operations.size).toBe(Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0));
    expect(total).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
  }, 300_000);
});
