export type CountdownKind = 'ok' | 'soon' | 'overdue';

export interface CountdownParts {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export interface Countdown {
  kind: CountdownKind;
  /** Time left (ok, soon) or overdue by (overdue), split for display. */
  parts: CountdownParts;
  /** Signed: positive while time is left, zero or negative once due. */
  remainingMs: number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Time left until `dueAt` as of `now`, or how long it is overdue. Due means overdue: at the due instant
 * itself the issue is late, as the service marks it. `soonWithinMs` (default one day) turns ok into soon.
 */
export function countdown(dueAt: Date | string, now: Date, soonWithinMs = DAY_MS): Countdown {
  const due = typeof dueAt === 'string' ? new Date(dueAt) : dueAt;
  const remainingMs = due.getTime() - now.getTime();
  const kind: CountdownKind = remainingMs <= 0 ? 'overdue' : remainingMs <= soonWithinMs ? 'soon' : 'ok';
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
