import { ISSUE_STATUSES, OPEN_STATUSES, isOpenStatus } from './issue-status';

describe('isOpenStatus', () => {
  it.each([
    ['filed', true],
    ['triage', true],
    ['assigned', true],
    ['in_progress', true],
    ['rectification_submitted', true],
    ['closed', false],
    ['withdrawn', false],
  ] as const)('%s open=%s', (status, open) => {
    expect(isOpenStatus(status)).toBe(open);
  });

  it('OPEN_STATUSES lists exactly the open statuses in declaration order', () => {
    expect(OPEN_STATUSES).toEqual(['filed', 'triage', 'assigned', 'in_progress', 'rectification_submitted']);
    expect(ISSUE_STATUSES.filter((s) => !OPEN_STATUSES.includes(s))).toEqual(['closed', 'withdrawn']);
  });
});
