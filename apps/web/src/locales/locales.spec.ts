import { describe, expect, it } from 'vitest';
import {
  EVENT_TYPES,
  EVIDENCE_TYPES,
  ISSUE_KINDS,
  ISSUE_SOURCES,
  ISSUE_STATUSES,
  NOTIFICATION_TYPES,
  RETURN_REASON_CODES,
  ROLES,
  SATISFACTIONS,
  SEVERITIES,
  UNIT_KINDS,
  VERIFICATION_OUTCOMES,
} from '@/domain/enums';
import { ISSUE_ACTIONS } from '@/domain/issue-actions';
import { collectMessages, i18n, LOCALES, messages, type Messages } from './index';

function leaves(tree: Messages, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );
}

describe('messages', () => {
  it('zh-CN and en have the same files and the same keys, none empty', () => {
    const zh = leaves(messages['zh-CN']).sort();
    const en = leaves(messages.en).sort();
    expect(en).toEqual(zh);
    expect(zh.length).toBeGreaterThan(50);
    for (const locale of LOCALES) {
      for (const key of zh) expect(i18n.global.t(key, {}, { locale }), `${locale} ${key}`).not.toBe('');
    }
  });

  it('every enum value of the API has a label in both languages', () => {
    const groups: [string, readonly string[]][] = [
      ['status', ISSUE_STATUSES],
      ['severity', SEVERITIES],
      ['source', ISSUE_SOURCES],
      ['kind', ISSUE_KINDS],
      ['role', ROLES],
      ['unitKind', UNIT_KINDS],
      ['notificationType', NOTIFICATION_TYPES],
      ['eventType', EVENT_TYPES.map((type) => type.replace(/^issue\./, ''))],
      ['returnReason', RETURN_REASON_CODES],
      ['satisfaction', SATISFACTIONS],
      ['evidenceType', EVIDENCE_TYPES],
      ['verificationOutcome', VERIFICATION_OUTCOMES],
      ['issueAction', [...ISSUE_ACTIONS, 'unkey']],
    ];
    for (const locale of LOCALES) {
      const enums = messages[locale].enums as Messages;
      for (const [group, values] of groups) {
        expect(Object.keys(enums[group] as Messages).sort(), `${locale} enums.${group}`).toEqual([...values].sort());
      }
    }
  });

  it('a feature’s files become its namespace', () => {
    const merged = collectMessages({
      './zh-CN/issues.ts': { default: { title: '问题' } },
      './en/issues.ts': { default: { title: 'Issues' } },
    });
    expect(merged['zh-CN']).toEqual({ issues: { title: '问题' } });
    expect(merged.en).toEqual({ issues: { title: 'Issues' } });
    expect(() => collectMessages({ './fr/issues.ts': { default: {} } })).toThrow(/unknown locale fr/);
  });

  it('zh-CN is the default and the fallback', () => {
    expect(i18n.global.locale.value).toBe('zh-CN');
    expect(i18n.global.fallbackLocale.value).toBe('zh-CN');
    expect(i18n.global.t('login.submit')).toBe('登录');
  });
});
