/** Closed on time: the rectification came in by the (approved) deadline, or there was no deadline. */
export function closedOnTime(issue: { dueAt: Date | null; rectificationSubmittedAt: Date | null }): boolean {
  return !issue.dueAt || !issue.rectificationSubmittedAt || issue.rectificationSubmittedAt <= issue.dueAt;
}
