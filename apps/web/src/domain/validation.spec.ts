import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_ACCEPT,
  attachmentFile,
  charCount,
  code,
  codeList,
  dateTime,
  FIELD_CHECKS,
  formRules,
  laterThan,
  LIMITS,
  maxChars,
  notBlank,
  numberIn,
  passwordRules,
  regionCode,
  required,
  validate,
  type Check,
} from './validation';

const key = (value: unknown, checks: Check[]) => validate(value, checks)?.key ?? null;
const F = FIELD_CHECKS;

describe('filing rules, as the API validates', () => {
  it('title: required, at most 200 characters (a surrogate pair is one)', () => {
    expect(key('', F.fileIssue.title)).toBe('required');
    expect(key(undefined, F.fileIssue.title)).toBe('required');
    expect(key('x'.repeat(200), F.fileIssue.title)).toBeNull();
    expect(key('x'.repeat(201), F.fileIssue.title)).toBe('maxLength');
    expect(key('😀'.repeat(200), F.fileIssue.title)).toBeNull();
    expect(key('路'.repeat(201), F.fileIssue.title)).toBe('maxLength');
    expect(charCount('😀a')).toBe(2);
  });

  it('description: required, at most 10,000', () => {
    expect(key('d'.repeat(10_000), F.fileIssue.description)).toBeNull();
    expect(key('d'.repeat(10_001), F.fileIssue.description)).toBe('maxLength');
    expect(key('', F.fileIssue.description)).toBe('required');
  });

  it('category: a code of 1–64 [a-z0-9_-]', () => {
    expect(key('rural_roads', F.fileIssue.category)).toBeNull();
    expect(key('a'.repeat(64), F.fileIssue.category)).toBeNull();
    expect(key('a'.repeat(65), F.fileIssue.category)).toBe('code');
    expect(key('Rural', F.fileIssue.category)).toBe('code');
    expect(key('a b', F.fileIssue.category)).toBe('code');
    expect(key('', F.fileIssue.category)).toBe('required');
  });

  it('regionCode: six digits', () => {
    expect(key('522302', F.fileIssue.regionCode)).toBeNull();
    expect(key('52230', F.fileIssue.regionCode)).toBe('regionCode');
    expect(key('52230a', F.fileIssue.regionCode)).toBe('regionCode');
    expect(key(null, F.fileIssue.regionCode)).toBe('required');
  });

  it('severity, source, kind: only the API’s values', () => {
    expect(key('urgent', F.fileIssue.severity)).toBeNull();
    expect(key('critical', F.fileIssue.severity)).toBe('oneOf');
    expect(key('river_patrol', F.fileIssue.source)).toBeNull();
    expect(key('rumour', F.fileIssue.source)).toBe('oneOf');
    expect(key(undefined, F.fileIssue.kind)).toBeNull();
    expect(key('proposal', F.fileIssue.kind)).toBeNull();
    expect(key('petition', F.fileIssue.kind)).toBe('oneOf');
  });

  it('lat in [-90, 90], lng in [-180, 180], both optional numbers', () => {
    expect(key(-90, F.fileIssue['location.lat'])).toBeNull();
    expect(key(90, F.fileIssue['location.lat'])).toBeNull();
    expect(key(90.0001, F.fileIssue['location.lat'])).toBe('range');
    expect(key(-180, F.fileIssue['location.lng'])).toBeNull();
    expect(key(180.5, F.fileIssue['location.lng'])).toBe('range');
    expect(key(null, F.fileIssue['location.lat'])).toBeNull();
    expect(key('25.4', F.fileIssue['location.lat'])).toBe('number');
    expect(key(Number.NaN, F.fileIssue['location.lng'])).toBe('number');
  });

  it('township and village: at most 200; evidence: at most 50 items of known types', () => {
    expect(key('t'.repeat(201), F.fileIssue['location.township'])).toBe('maxLength');
    expect(key(Array.from({ length: 51 }), F.fileIssue.evidence)).toBe('maxItems');
    expect(key('photo', F.evidence.type)).toBeNull();
    expect(key('video', F.evidence.type)).toBe('oneOf');
    expect(key('u'.repeat(2001), F.evidence.uri)).toBe('maxLength');
  });
});

describe('command rules', () => {
  it('reasons are required and at most 2,000; notes and summaries at most 10,000', () => {
    for (const checks of [F.return.reason, F.withdraw.reason, F.assign.reason, F.extensionRequest.reason]) {
      expect(key('', checks)).toBe('required');
      expect(key('r'.repeat(2000), checks)).toBeNull();
      expect(key('r'.repeat(2001), checks)).toBe('maxLength');
    }
    for (const checks of [F.progress.note, F.rectification.summary, F.supervisionNotice.note]) {
      expect(key('', checks)).toBe('required');
      expect(key('n'.repeat(10_001), checks)).toBe('maxLength');
    }
  });

  it('return reason codes and satisfaction are the API’s', () => {
    expect(key('not_our_duty', F.return.reasonCode)).toBeNull();
    expect(key('lazy', F.return.reasonCode)).toBe('oneOf');
    expect(key('basically_satisfied', F.verification.satisfaction)).toBeNull();
    expect(key('meh', F.verification.satisfaction)).toBe('oneOf');
    expect(key('accepted', F.verification.outcome)).toBeNull();
    expect(key('maybe', F.verification.outcome)).toBe('oneOf');
    expect(key(undefined, F.verification.outcome)).toBe('required');
  });

  it('extension requests need a future time', () => {
    expect(key('', F.extensionRequest.requestedDueAt)).toBe('required');
    expect(key('not a date', F.extensionRequest.requestedDueAt)).toBe('dateTime');
    expect(key('2000-01-01T00:00:00Z', F.extensionRequest.requestedDueAt)).toBe('future');
    const now = () => new Date('2026-01-01T00:00:00Z');
    expect(key('2026-01-02T00:00:00Z', [dateTime({ future: true, now })])).toBeNull();
  });

  it('assign: a lead unit code and distinct co-unit codes', () => {
    expect(key('xingren-gov', F.assign.leadUnit)).toBeNull();
    expect(key('Xingren', F.assign.leadUnit)).toBe('code');
    expect(key(['a', 'b'], F.assign.coUnits)).toBeNull();
    expect(key(['a', 'a'], F.assign.coUnits)).toBe('distinct');
    expect(key(['A'], F.assign.coUnits)).toBe('code');
    expect(key([], F.assign.coUnits)).toBeNull();
  });

  it('login: both required, within the API’s lengths', () => {
    expect(key('', F.login.username)).toBe('required');
    expect(key('u'.repeat(LIMITS.username + 1), F.login.username)).toBe('maxLength');
    expect(key('p'.repeat(LIMITS.password + 1), F.login.password)).toBe('maxLength');
  });
});

describe('building blocks', () => {
  it('checks pass empty optional values', () => {
    for (const check of [code, regionCode, numberIn(0, 1), maxChars(1), codeList]) expect(check(undefined)).toBeNull();
    expect(required([])).toEqual({ key: 'required' });
  });
});

describe('Element Plus rules', () => {
  const t = (k: string, p?: Record<string, string | number>) => (p ? `${k} ${JSON.stringify(p)}` : k);
  const run = (rule: unknown, value: unknown) =>
    new Promise<string | undefined>((resolve) => {
      (rule as { validator: (r: unknown, v: unknown, cb: (e?: Error) => void) => void }).validator({}, value, (e) =>
        resolve(e?.message),
      );
    });

  it('a form’s rules carry translated messages and mark required fields', async () => {
    const rules = formRules(t, 'fileIssue');
    expect(rules.title[0]?.required).toBe(true);
    expect(rules['location.lat'][0]?.required).toBe(false);
    expect(await run(rules.title[0], 'x'.repeat(201))).toBe('validation.maxLength {"max":200}');
    expect(await run(rules.title[0], 'ok')).toBeUndefined();
  });

  it('passwords: at least 10 characters, not the username, confirmed', async () => {
    let newPassword = '';
    const rules = passwordRules(
      t,
      () => 'xingren-handler',
      () => newPassword,
    );
    expect(await run(rules.newPassword[0], 'short')).toBe('validation.minLength {"min":10}');
    expect(await run(rules.newPassword[0], 'xingren-handler')).toBe('validation.notUsername');
    expect(await run(rules.newPassword[0], 'a-long-new-password')).toBeUndefined();
    newPassword = 'a-long-new-password';
    expect(await run(rules.confirmPassword[0], 'different-password')).toBe('validation.mismatch');
    expect(await run(rules.confirmPassword[0], 'a-long-new-password')).toBeUndefined();
  });
});

describe('issue forms beyond the DTOs', () => {
  it('text of spaces only is no title, reason or note; real text with spaces around passes', () => {
    for (const checks of [
      F.fileIssue.title,
      F.fileIssue.description,
      F.return.reason,
      F.progress.note,
      F.rectification.summary,
      F.withdraw.reason,
      F.extensionRequest.reason,
    ]) {
      expect(key('   ', checks)).toBe('required');
      expect(key(' 路面破损 ', checks)).toBeNull();
    }
    expect(notBlank(undefined)).toBeNull();
  });

  it('an extension must ask for a time after the current due time (the API refuses it otherwise)', () => {
    const due = '2026-12-10T10:00:00.000Z';
    const check = laterThan(() => due, 'afterDue');
    expect(check('2026-12-10T10:00:00.000Z')).toEqual({ key: 'afterDue' });
    expect(check('2026-12-09T10:00:00.000Z')).toEqual({ key: 'afterDue' });
    expect(check('2026-12-10T10:00:01.000Z')).toBeNull();
    expect(laterThan(() => null, 'afterDue')('2020-01-01T00:00:00Z')).toBeNull();
    expect(check('')).toBeNull();
  });

  it('attachments: the API’s types (by MIME type or extension), at most 20 MiB, not empty', () => {
    const file = (name: string, type: string, size = 1000) => ({ name, type, size });
    expect(attachmentFile(file('塌方现场.jpg', 'image/jpeg'))).toBeNull();
    expect(attachmentFile(file('IMG_0001.HEIC', 'image/heic'))).toEqual({ key: 'fileType' });
    expect(attachmentFile(file('整改报告.docx', ''))).toBeNull();
    expect(attachmentFile(file('台账.xlsx', 'application/octet-stream'))).toBeNull();
    expect(attachmentFile(file('视频.mp4', 'video/mp4'))).toEqual({ key: 'fileType' });
    expect(attachmentFile(file('旧文档.doc', 'application/msword'))).toEqual({ key: 'fileType' });
    expect(attachmentFile(file('a.png', 'image/png', LIMITS.attachmentBytes))).toBeNull();
    expect(attachmentFile(file('a.png', 'image/png', LIMITS.attachmentBytes + 1))).toEqual({
      key: 'fileSize',
      params: { max: 20 },
    });
    expect(attachmentFile(file('a.pdf', 'application/pdf', 0))).toEqual({ key: 'fileEmpty' });
    expect(attachmentFile({})).toEqual({ key: 'fileType' });
    expect(ATTACHMENT_ACCEPT).toContain('image/jpeg');
    expect(ATTACHMENT_ACCEPT).toContain('.docx');
  });
});
