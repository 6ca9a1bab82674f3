import { describe, expect, it } from 'vitest';
import { validate } from '@/domain/validation';
import {
  CATEGORY_CHECKS,
  duration,
  email,
  escalationLevels,
  fractionsText,
  parseFractions,
  phone,
  REGION_CHECKS,
  RULE_CHECKS,
  UNIT_CHECKS,
  url,
  USER_CHECKS,
  WEBHOOK_CHECKS,
  whenJson,
} from './forms';
import { userChanges, newUserBody, emptyUserForm } from './users';

const key = (value: unknown, checks: Parameters<typeof validate>[1]) => validate(value, checks)?.key ?? null;

describe('the admin forms check what the API checks', () => {
  it('users: username characters, e-mail, phone as the DTO’s patterns', () => {
    expect(key('xingren-handler2', USER_CHECKS.username)).toBeNull();
    expect(key('张三', USER_CHECKS.username)).toBe('username');
    expect(key('', USER_CHECKS.username)).toBe('required');
    expect(key('zhang@qxn.gov.cn', [email])).toBeNull();
    expect(key('not-an-email', [email])).toBe('email');
    expect(key('+86 139 0859 0000', [phone])).toBeNull();
    expect(key('call me', [phone])).toBe('phone');
    expect(key('boss', USER_CHECKS.role)).toBe('oneOf');
  });

  it('units, regions, categories, routing rules: codes, 6-digit regions, names, priorities', () => {
    expect(key('Xingren Gov', UNIT_CHECKS.code)).toBe('code');
    expect(key('party', UNIT_CHECKS.kind)).toBe('oneOf');
    expect(key('52230', REGION_CHECKS.code)).toBe('regionCode');
    expect(key('名'.repeat(201), CATEGORY_CHECKS.name)).toBe('maxLength');
    expect(key(1.5, RULE_CHECKS.priority)).toBe('integer');
    expect(key(2_000_000, RULE_CHECKS.priority)).toBe('range');
    expect(key(['a', 'a'], RULE_CHECKS.coUnits)).toBe('distinct');
  });

  it('deadline policies: ISO durations, no months on a working calendar, fractions, levels', () => {
    expect(key('P15D', [duration(() => 'working')])).toBeNull();
    expect(key('15 days', [duration(() => 'working')])).toBe('duration');
    expect(key('P1DT', [duration(() => 'natural')])).toBe('duration');
    expect(key('P1M', [duration(() => 'working')])).toBe('workingMonths');
    expect(key('P1M', [duration(() => 'natural')])).toBeNull();
    expect(parseFractions('0.5，0.8 0.9')).toEqual([0.5, 0.8, 0.9]);
    expect(parseFractions('')).toEqual([]);
    expect(key('0.5, x', [fractionsText])).toBe('fraction');
    expect(key('0.5, 1', [fractionsText])).toBe('fraction');
    expect(key('0.5, 0.5', [fractionsText])).toBe('distinct');
    expect(key([{ level: 1 }, { level: 1 }], [escalationLevels])).toBe('distinctLevels');
    expect(key([{ level: 11 }], [escalationLevels])).toBe('level');
  });

  it('webhooks and scoring rules: http(s) targets, secret length, `when` as an object of scalars', () => {
    expect(key('https://hooks.example.gov.cn/x', WEBHOOK_CHECKS.url)).toBeNull();
    expect(key('ftp://x', [url])).toBe('url');
    expect(key('short', WEBHOOK_CHECKS.secret)).toBe('minLength');
    expect(key([], WEBHOOK_CHECKS.events)).toBe('required');
    expect(key('{"level": 2}', [whenJson])).toBeNull();
    expect(key('{"level": {"x": 1}}', [whenJson])).toBe('whenObject');
    expect(key('[1]', [whenJson])).toBe('whenObject');
    expect(key('{level: 2}', [whenJson])).toBe('json');
  });
});

describe('the user form’s bodies', () => {
  const user = {
    id: 'u1',
    username: 'mover',
    displayName: '李四',
    role: 'handler' as const,
    unit: 'xingren-gov',
    email: null,
    phone: '+86 859 123 4567',
    active: true,
    createdAt: '2026-01-01T00:00:00Z',
  };

  it('a PATCH carries only what changed (each change ends the user’s sessions)', () => {
    const form = { ...emptyUserForm(), username: 'mover', displayName: '李四', role: 'handler' as const };
    expect(userChanges(user, { ...form, unit: 'xingren-gov', phone: '+86 859 123 4567' })).toEqual({});
    expect(userChanges(user, { ...form, unit: 'xingyi-gov', phone: '', email: ' li@qxn.cn ' })).toEqual({
      unit: 'xingyi-gov',
      phone: null,
      email: 'li@qxn.cn',
    });
  });

  it('a POST leaves out empty optional fields', () => {
    expect(
      newUserBody({
        ...emptyUserForm(),
        username: ' a ',
        password: 'p'.repeat(10),
        displayName: 'A',
        role: 'supervisor',
      }),
    ).toEqual({ username: 'a', password: 'pppppppppp', displayName: 'A', role: 'supervisor' });
  });
});
