import { describe, expect, it } from 'vitest';
import type { Issue, TimelineItem } from '@/api/types';
import { i18n } from '@/locales';
import { commandBody, type CommandForm } from './commands';
import { emptyFiling, locate, locateProblem, newIdempotencyKey, sourceForKind, toBody } from './filing';
import { activeStep, galleryOf, pageActions, stepsOf } from './issue-page';
import { listQuery, type ListFilters } from './list';
import { describeEvent, type Namer } from './timeline';
import { checkFile, evidenceFrom, formatSize, kindOf, uploadProblem, type Upload } from './uploads';
import { ApiError } from '@/api/errors';

const t = i18n.global.t as Namer['t'];
const UNITS: Record<string, string> = {
  'xingren-gov': '兴仁市人民政府',
  'pref-energy': '州能源局',
  'xingren-party': '中共兴仁市委员会',
};
const names: Namer = {
  t,
  unit: (code) => (code ? (UNITS[code] ?? code) : ''),
  time: (iso) => (iso ? iso.slice(0, 16).replace('T', ' ') : ''),
};

function issue(fields: Partial<Issue> = {}): Issue {
  return {
    id: 'i1',
    referenceNo: 'DH-2026-000001',
    kind: 'supervision',
    title: '通组公路塌方',
    description: '',
    category: 'rural_roads',
    regionCode: '522302',
    severity: 'general',
    source: 'unannounced_visit',
    location: {},
    evidence: [],
    status: 'assigned',
    leadUnit: 'xingren-gov',
    coUnits: [],
    filedBy: 'supervisor',
    filedAt: '2026-12-01T01:00:00.000Z',
    assignedAt: '2026-12-01T01:00:01.000Z',
    acknowledgedAt: null,
    acknowledgeDueAt: '2026-12-02T10:00:00.000Z',
    dueAt: '2026-12-20T10:00:00.000Z',
    overdue: false,
    escalationLevel: 0,
    remindFromAt: null,
    remindLastAt: null,
    reopenCount: 0,
    returnCount: 0,
    isKey: false,
    closedAt: null,
    version: 3,
    ...fields,
  };
}

let seq = 0;
const event = (
  type: string,
  data: Record<string, unknown> = {},
  actor: Record<string, unknown> = { username: 'system' },
) =>
  ({
    id: `e${++seq}`,
    seq,
    type,
    occurredAt: '2026-12-01T02:00:00.000Z',
    actor,
    data,
  }) as unknown as TimelineItem;
const handler = { username: 'xingren-handler', role: 'handler' };
const supervisor = { username: 'supervisor', role: 'supervisor' };
const inspector = { username: 'inspector', role: 'inspector' };
const say = (item: TimelineItem) => describeEvent(item, names);

describe('the filing form', () => {
  it('makes the API’s body: trimmed text, the location only with what was filled, evidence cited', () => {
    const form = emptyFiling();
    Object.assign(form, {
      category: 'rural_roads',
      regionCode: '522302',
      source: 'unannounced_visit',
      title: '  通组公路塌方  ',
      description: ' 两月未修复 ',
    });
    expect(toBody(form)).toEqual({
      kind: 'supervision',
      title: '通组公路塌方',
      description: '两月未修复',
      category: 'rural_roads',
      regionCode: '522302',
      severity: 'general',
      source: 'unannounced_visit',
    });
    form.location = { township: ' 巴铃镇 ', village: '', lat: 25.43, lng: 0 };
    const evidence = [{ type: 'photo' as const, attachmentId: 'a1', description: 'x.jpg' }];
    expect(toBody(form, evidence)).toMatchObject({ location: { township: '巴铃镇', lat: 25.43, lng: 0 }, evidence });
    expect(toBody(form, evidence).location).not.toHaveProperty('village');
  });

  it('a proposal’s method defaults to 提案, and a supervision issue drops it', () => {
    expect(sourceForKind('proposal', '')).toBe('proposal');
    expect(sourceForKind('proposal', 'symposium')).toBe('symposium');
    expect(sourceForKind('supervision', 'proposal')).toBe('');
    expect(sourceForKind('supervision', 'spot_check')).toBe('spot_check');
  });

  it('an Idempotency-Key per filling, random even without randomUUID (plain HTTP)', () => {
    const a = newIdempotencyKey({ getRandomValues: (bytes) => crypto.getRandomValues(bytes) });
    const b = newIdempotencyKey({ getRandomValues: (bytes) => crypto.getRandomValues(bytes) });
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('the phone’s position, rounded; each failure named', async () => {
    const geolocation = {
      getCurrentPosition: (ok: PositionCallback) =>
        ok({ coords: { latitude: 25.4312345678, longitude: 105.1865431, accuracy: 12.6 } } as GeolocationPosition),
    } as unknown as Geolocation;
    await expect(locate(geolocation)).resolves.toEqual({ lat: 25.431235, lng: 105.186543, accuracy: 13 });
    const refusing = {
      getCurrentPosition: (_ok: PositionCallback, fail: PositionErrorCallback) =>
        fail({ code: 1 } as GeolocationPositionError),
    } as unknown as Geolocation;
    await expect(locate(refusing)).rejects.toBe('denied');
    await expect(locate(undefined)).rejects.toBe('unsupported');
    expect([locateProblem(2), locateProblem(3)]).toEqual(['unavailable', 'timeout']);
  });
});

describe('uploads', () => {
  it('pictures are photos, the rest documents; refused types and sizes are known before sending', () => {
    expect(kindOf({ name: 'a.jpg', type: 'image/jpeg' })).toBe('photo');
    expect(kindOf({ name: 'a.PNG', type: '' })).toBe('photo');
    expect(kindOf({ name: '报告.pdf', type: 'application/pdf' })).toBe('document');
    expect(checkFile({ name: 'a.txt', type: 'text/plain', size: 3 })?.key).toBe('fileType');
    expect(checkFile({ name: 'a.jpg', type: 'image/jpeg', size: 21 * 1024 * 1024 })?.key).toBe('fileSize');
  });

  it('the API’s refusals in words: 413 too large, 415 the type, anything else its message', () => {
    expect(uploadProblem(new ApiError(413, 'Payload Too Large'))).toEqual({ key: 'fileSize', params: { max: 20 } });
    expect(uploadProblem(new ApiError(415, 'image/gif is not accepted'))).toEqual({ key: 'fileType' });
    expect(uploadProblem(new ApiError(0, 'Failed to fetch'))).toEqual({ key: 'uploadNetwork' });
    expect(uploadProblem(new ApiError(403, 'role admin may not do this'))).toEqual({
      key: 'uploadFailed',
      params: { message: 'role admin may not do this' },
    });
    expect(t('validation.fileType')).toContain('不支持此类文件');
  });

  it('only uploaded files are cited, as photo or document with their name', () => {
    const base = { size: 1, previewUrl: null, problem: null };
    const uploads: Upload[] = [
      {
        ...base,
        key: 1,
        name: 'a.jpg',
        kind: 'photo',
        status: 'done',
        attachment: { id: 'a1' } as Upload['attachment'],
      },
      { ...base, key: 2, name: 'b.jpg', kind: 'photo', status: 'uploading', attachment: null },
      { ...base, key: 3, name: 'c.txt', kind: 'document', status: 'refused', attachment: null },
      {
        ...base,
        key: 4,
        name: 'd.pdf',
        kind: 'document',
        status: 'done',
        attachment: { id: 'a4' } as Upload['attachment'],
      },
    ];
    expect(evidenceFrom(uploads)).toEqual([
      { type: 'photo', attachmentId: 'a1', description: 'a.jpg' },
      { type: 'document', attachmentId: 'a4', description: 'd.pdf' },
    ]);
    expect([formatSize(500), formatSize(2048), formatSize(3 * 1024 * 1024)]).toEqual(['500 B', '2 KB', '3.0 MB']);
  });
});

describe('the timeline in sentences', () => {
  it('says who did what, naming units and roles', () => {
    expect(say(event('issue.filed', {}, supervisor)).text).toBe('督查人员 supervisor 提交了问题');
    expect(say(event('issue.routed', { leadUnit: 'xingren-gov', coUnits: ['pref-energy'] })).text).toBe(
      '按交办规则交办给 兴仁市人民政府，协办单位：州能源局',
    );
    expect(say(event('issue.acknowledged', { unit: 'xingren-gov', onTime: true }, handler)).text).toBe(
      '承办人员 xingren-handler（兴仁市人民政府）签收了问题',
    );
    expect(say(event('issue.acknowledged', { unit: 'xingren-gov', onTime: false }, handler)).text).toContain(
      '已超过签收期限',
    );
    const manual = say(
      event(
        'issue.routed',
        { leadUnit: 'xingren-gov', coUnits: [], manual: true, reason: '属兴仁辖区', previousUnit: 'pref-energy' },
        inspector,
      ),
    );
    expect(manual.text).toBe('督查室 inspector 将问题由 州能源局 改交 兴仁市人民政府');
    expect(manual.quote).toBe('属兴仁辖区');
  });

  it('keeps what people wrote as their words, apart from the sentence', () => {
    const returned = say(
      event(
        'issue.returned',
        { unit: 'xingren-gov', reason: '属州级公路', reasonCode: 'not_our_jurisdiction' },
        handler,
      ),
    );
    expect(returned.text).toBe('承办人员 xingren-handler（兴仁市人民政府）退回了问题，原因：不属本辖区');
    expect(returned.quote).toBe('属州级公路');
    expect(say(event('issue.progress_reported', { note: '已进场', unit: 'xingren-gov' }, handler)).quote).toBe(
      '已进场',
    );
    const fixed = say(
      event(
        'issue.rectification_submitted',
        {
          summary: '已修复',
          unit: 'xingren-gov',
          evidence: [{ type: 'photo', attachmentId: 'a1', filename: 'x.jpg' }],
        },
        handler,
      ),
    );
    expect(fixed.text).toBe('承办人员 xingren-handler（兴仁市人民政府）提交了整改情况，附 1 份材料');
    expect(fixed.evidence).toHaveLength(1);
  });

  it('verification, extensions, timers, escalation, key and withdrawal', () => {
    expect(say(event('issue.accepted', { satisfaction: 'satisfied', automatic: false }, supervisor)).text).toBe(
      '督查人员 supervisor 核查通过，问题办结，满意度：满意',
    );
    expect(say(event('issue.accepted', { automatic: true })).text).toBe('核查期限已过，系统自动核查通过，问题办结');
    const reopened = say(
      event(
        'issue.reopened',
        { dueAt: '2026-12-08T10:00:00.000Z', reopenCount: 1, satisfaction: 'unsatisfied', comment: '不合格' },
        supervisor,
      ),
    );
    expect(reopened.text).toBe(
      '督查人员 supervisor 核查不通过，要求重新整改（第 1 次），新的办结期限 2026-12-08 10:00，满意度：不满意',
    );
    expect(reopened.quote).toBe('不合格');
    expect(
      say(event('issue.extension_requested', { requestedDueAt: '2026-12-30T10:00:00.000Z', reason: '设备' }, handler))
        .text,
    ).toBe('承办人员 xingren-handler 申请延期至 2026-12-30 10:00');
    expect(
      say(event('issue.extension_approved', { dueAt: '2026-12-30T10:00:00.000Z', previousDueAt: null }, inspector))
        .text,
    ).toBe('督查室 inspector 同意延期，办结期限由 无 延至 2026-12-30 10:00');
    expect(say(event('issue.reminder_sent', { unit: 'xingren-gov', index: 0 })).text).toBe(
      '系统向 兴仁市人民政府 发出第 1 次到期提醒',
    );
    expect(say(event('issue.overdue', { unit: 'xingren-gov', dueAt: '2026-12-20T10:00:00.000Z' })).text).toContain(
      '已超期',
    );
    expect(say(event('issue.escalated', { level: 2, escalatedTo: 'xingren-party' })).text).toBe(
      '问题升级为 2 级督办，提级至 中共兴仁市委员会',
    );
    expect(say(event('issue.key_changed', { isKey: true }, inspector)).text).toBe(
      '督查室 inspector 将问题标为重点督办',
    );
    expect(say(event('issue.key_changed', { isKey: false }, inspector)).text).toBe(
      '督查室 inspector 取消了重点督办标记',
    );
    expect(say(event('issue.withdrawn', { reason: '重复' }, supervisor)).quote).toBe('重复');
    expect(say(event('issue.triaged', { reason: 'max_returns_reached', returns: 2 })).text).toBe(
      '已退回 2 次，转督查室待分拨',
    );
    expect(say(event('issue.triaged', { reason: 'no_matching_rule' })).system).toBe(true);
  });

  it('every event type the API names has its own sentence, in both languages', () => {
    const types = [
      'filed',
      'routed',
      'triaged',
      'acknowledged',
      'returned',
      'progress_reported',
      'rectification_submitted',
      'accepted',
      'reopened',
      'extension_requested',
      'extension_approved',
      'extension_rejected',
      'reminder_sent',
      'acknowledge_overdue',
      'overdue',
      'escalated',
      'supervision_notice',
      'key_changed',
      'withdrawn',
    ];
    for (const type of types) {
      const entry = say(event(`issue.${type}`, { isKey: true, level: 1 }, inspector));
      expect(entry.text, type).not.toContain('issue.');
      expect(entry.text, type).not.toContain('{');
    }
    expect(say(event('issue.something_new', {}, inspector)).text).toBe('督查室 inspector：issue.something_new');
  });
});

describe('steps', () => {
  const status = (i: Issue) => stepsOf(i).map((s) => s.status);

  it('follow the issue from filing to close', () => {
    expect(status(issue({ status: 'filed', assignedAt: null }))).toEqual([
      'finish',
      'process',
      'wait',
      'wait',
      'wait',
      'wait',
    ]);
    expect(stepsOf(issue({ status: 'triage', assignedAt: null }))[1]?.note).toBe('triage');
    expect(status(issue({ status: 'assigned' }))).toEqual(['finish', 'finish', 'process', 'wait', 'wait', 'wait']);
    expect(status(issue({ status: 'in_progress' }))).toEqual(['finish', 'finish', 'finish', 'process', 'wait', 'wait']);
    expect(stepsOf(issue({ status: 'in_progress', reopenCount: 1 }))[3]?.note).toBe('reopened');
    expect(status(issue({ status: 'rectification_submitted' }))).toEqual([
      'finish',
      'finish',
      'finish',
      'finish',
      'process',
      'wait',
    ]);
    expect(status(issue({ status: 'closed' }))).toEqual(Array(6).fill('success'));
    expect(activeStep(stepsOf(issue({ status: 'closed' })))).toBe(6);
  });

  it('a withdrawn issue stops, marked, where it was', () => {
    const steps = stepsOf(issue({ status: 'withdrawn', acknowledgedAt: '2026-12-01T03:00:00Z' }));
    expect(steps.map((s) => s.status)).toEqual(['finish', 'finish', 'finish', 'error', 'wait', 'wait']);
    expect(steps[3]?.note).toBe('withdrawn');
    expect(activeStep(steps)).toBe(3);
    expect(stepsOf(issue({ status: 'withdrawn', assignedAt: null }))[1]?.status).toBe('error');
  });
});

describe('the page’s actions', () => {
  const lead = { role: 'handler' as const, username: 'xingren-handler', unit: 'xingren-gov' };
  const office = { role: 'inspector' as const, username: 'inspector', unit: 'pref-inspection' };
  const pending = [{ status: 'pending' as const }];

  it('a decision only with a pending request; no second request while one is pending', () => {
    expect(pageActions(office, issue({ status: 'in_progress' }), [])).not.toContain('decideExtension');
    expect(pageActions(office, issue({ status: 'in_progress' }), pending)).toContain('decideExtension');
    expect(pageActions(office, issue({ status: 'in_progress' }), [{ status: 'approved' }])).not.toContain(
      'decideExtension',
    );
    expect(pageActions(lead, issue({ status: 'in_progress' }), [])).toEqual([
      'progress',
      'rectification',
      'requestExtension',
    ]);
    expect(pageActions(lead, issue({ status: 'in_progress' }), pending)).toEqual(['progress', 'rectification']);
  });

  it('nobody logged in, or another unit, gets nothing', () => {
    expect(pageActions(null, issue(), [])).toEqual([]);
    expect(pageActions({ role: 'handler', username: 'x', unit: 'xingyi-gov' }, issue(), [])).toEqual([]);
  });
});

describe('the evidence gallery', () => {
  it('the filing’s files, then each rectification’s; pictures inline, only http(s) links', () => {
    const filed = issue({
      evidence: [
        { type: 'photo', attachmentId: 'a1', filename: '现场.jpg', contentType: 'image/jpeg', size: 10 },
        { type: 'link', uri: 'javascript:alert(1)', description: '坏链接' },
        { type: 'link', uri: 'https://example.gov.cn/x', description: '报道' },
        { type: 'note', description: '群众反映强烈' },
      ],
    });
    const entries = [
      say(
        event(
          'issue.rectification_submitted',
          {
            summary: '已修复',
            evidence: [
              { type: 'document', attachmentId: 'a2', filename: '验收单.pdf', contentType: 'application/pdf' },
            ],
          },
          handler,
        ),
      ),
    ];
    const items = galleryOf(filed, entries);
    expect(items.map((i) => [i.source, i.display, i.name])).toEqual([
      ['filing', 'image', '现场.jpg'],
      ['filing', 'note', '坏链接'],
      ['filing', 'link', '报道'],
      ['filing', 'note', '群众反映强烈'],
      ['rectification', 'file', '验收单.pdf'],
    ]);
    expect(items[1]?.href).toBeNull();
    expect(items[2]?.href).toBe('https://example.gov.cn/x');
  });
});

describe('command bodies and the list query', () => {
  const form: CommandForm = {
    reasonCode: 'duplicate',
    reason: ' 重复交办 ',
    note: ' 已进场 ',
    summary: ' 已修复 ',
    outcome: 'accepted',
    satisfaction: '',
    comment: '  ',
    dueAt: '2026-12-08T10:00:00.000Z',
    requestedDueAt: '2026-12-30T10:00:00.000Z',
  };

  it('sends what each command takes, trimmed; a due date only with a rejection', () => {
    expect(commandBody('return', form)).toEqual({ reason: '重复交办', reasonCode: 'duplicate' });
    expect(commandBody('progress', form)).toEqual({ note: '已进场' });
    expect(commandBody('verification', form)).toEqual({ outcome: 'accepted' });
    expect(
      commandBody('verification', { ...form, outcome: 'rejected', satisfaction: 'unsatisfied', comment: '不合格' }),
    ).toEqual({
      outcome: 'rejected',
      satisfaction: 'unsatisfied',
      comment: '不合格',
      dueAt: '2026-12-08T10:00:00.000Z',
    });
    expect(commandBody('requestExtension', form)).toEqual({
      requestedDueAt: '2026-12-30T10:00:00.000Z',
      reason: '重复交办',
    });
  });

  it('GET /issues gets only the filters chosen', () => {
    const filters: ListFilters = {
      q: ' DH-2026 ',
      status: undefined,
      kind: undefined,
      severity: 'urgent',
      isKey: false,
      overdue: false,
      leadUnit: '',
      mineOnly: true,
      sort: 'filedAt',
    };
    expect(listQuery(filters, { limit: 20, sort: '-dueAt', username: 'inspector' })).toEqual({
      limit: 20,
      sort: '-dueAt',
      q: 'DH-2026',
      severity: 'urgent',
      isKey: false,
      filedBy: 'inspector',
    });
    expect(
      listQuery(
        { ...filters, q: '', isKey: undefined, overdue: true, mineOnly: false },
        { limit: 50, cursor: 'c', username: null },
      ),
    ).toEqual({
      limit: 50,
      cursor: 'c',
      severity: 'urgent',
      overdue: true,
      sort: 'filedAt',
    });
  });
});
