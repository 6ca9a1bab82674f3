/**
 * ok: before any reminder; reminder: inside the reminder window (blue); soon: past the last reminder or within
 * the soon window (amber); overdue (red). The supervision-notice colours of the board (libs/domain alertColour).
 */
export type CountdownKind = 'ok' | 'reminder' | 'soon' | 'overdue';

export interface CountdownParts {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export interface Countdown {
  kind: CountdownKind;
  /** Time left (ok, reminder, soon) or overdue by (overdue), split for display. */
  parts: CountdownParts;
  /** Signed: positive while time is left, zero or negative once due. */
  remainingMs: number;
}

/** When the reminders of a deadline go out: the first opens the window, the last turns it amber. */
export interface ReminderWindow {
  fromAt: Date | string | null;
  lastAt: Date | string | null;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

const time = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value).getTime();

/**
 * Time left until `dueAt` as of `now`, or how long it is overdue. Due means overdue: at the due instant
 * itself the issue is late, as the service marks it. `soonWithinMs` (default one day) turns ok into soon;
 * `reminders`, when known, mark the reminder window.
 */
export function countdown(
  dueAt: Date | string,
  now: Date,
  soonWithinMs = DAY_MS,
  reminders?: ReminderWindow | null,
): Countdown {
  const remainingMs = time(dueAt) - now.getTime();
  const at = now.getTime();
  let kind: CountdownKind = 'ok';
  if (remainingMs <= 0) kind = 'overdue';
  else if (remainingMs <= soonWithinMs || (reminders?.lastAt && at >= time(reminders.lastAt))) kind = 'soon';
  else if (reminders?.fromAt && at >= time(reminders.fromAt)) kind = 'reminder';
  return { kind, parts: split(Math.abs(remainingMs)), remainingMs };
}

function split(ms: number): CountdownParts {
  const total = Math.floor(ms / 1000);
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}
