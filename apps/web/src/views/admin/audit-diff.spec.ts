import { describe, expect, it } from 'vitest';
import { auditDiff, flatten, showValue } from './audit-diff';

describe('the audit diff', () => {
  it('lists only the fields that changed, with before and after as text', () => {
    const rows = auditDiff(
      { username: 'leaver', active: true, unit: 'xingren-gov', email: null },
      { username: 'leaver', active: false, unit: 'xingren-gov', email: 'a@b.cn' },
    );
    expect(rows).toEqual([
      { path: 'active', kind: 'changed', before: 'true', after: 'false' },
      { path: 'email', kind: 'changed', before: 'null', after: 'a@b.cn' },
    ]);
  });

  it('shows a creation as added fields and a deletion as removed ones', () => {
    expect(auditDiff(null, { code: 'x', name: '新单位' })).toEqual([
      { path: 'code', kind: 'added', before: '', after: 'x' },
      { path: 'name', kind: 'added', before: '', after: '新单位' },
    ]);
    expect(auditDiff({ id: '1' }, null)).toEqual([{ path: 'id', kind: 'removed', before: '1', after: '' }]);
  });

  it('walks nested objects and lists of objects by path; lists of codes stay one field', () => {
    const before = { escalations: [{ after: 'PT0S', level: 1 }], coUnits: ['a'], terms: { remindAt: [0.5] } };
    const after = { escalations: [{ after: 'P1D', level: 1 }], coUnits: ['a', 'b'], terms: { remindAt: [0.5] } };
    expect(auditDiff(before, after)).toEqual([
      { path: 'escalations[0].after', kind: 'changed', before: 'PT0S', after: 'P1D' },
      { path: 'coUnits', kind: 'changed', before: '["a"]', after: '["a","b"]' },
    ]);
    expect([...flatten({ a: {}, b: [] }).keys()]).toEqual(['a', 'b']);
  });

  it('keeps markup as the text it is', () => {
    const [row] = auditDiff({ name: 'a' }, { name: '<img src=x onerror=alert(1)>' });
    expect(row?.after).toBe('<img src=x onerror=alert(1)>');
    expect(showValue(undefined)).toBe('');
    expect(showValue({ level: 2 })).toBe('{"level":2}');
  });
});
