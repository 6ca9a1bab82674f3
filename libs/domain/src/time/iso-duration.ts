export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export class InvalidDurationError extends Error {
  constructor(
    readonly input: unknown,
    reason = 'is not an ISO-8601 duration',
  ) {
    super(`${JSON.stringify(input)} ${reason}`);
    this.name = 'InvalidDurationError';
  }
}

// Only seconds may be fractional; designators must appear in canonical order.
const PATTERN = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function parseIsoDuration(text: string): IsoDuration {
  if (typeof text !== 'string') throw new InvalidDurationError(text);
  const m = PATTERN.exec(text);
  if (!m) throw new InvalidDurationError(text);
  const parts = m.slice(1);
  if (parts.every((p) => p === undefined)) throw new InvalidDurationError(text);
  // 'P1DT' has a time designator with nothing after it.
  if (text.includes('T') && parts.slice(4).every((p) => p === undefined)) throw new InvalidDurationError(text);
  const [years, months, weeks, days, hours, minutes, seconds] = parts.map((p) => (p === undefined ? 0 : Number(p)));
  const duration = { years, months, weeks, days, hours, minutes, seconds };
  for (const [key, value] of Object.entries(duration)) {
    const ok = key === 'seconds' ? Number.isFinite(value) : Number.isSafeInteger(value);
    if (!ok) throw new InvalidDurationError(text, 'is too large');
  }
  return duration;
}

export function isIsoDuration(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  try {
    parseIsoDuration(text);
    return true;
  } catch {
    return false;
  }
}

// Calendar-free length (day = 24h, month = 30d, year = 365d): only for fractions such as reminder points.

export function isZeroDuration(d: IsoDuration): boolean {
  return (
    d.years === 0 &&
    d.months === 0 &&
    d.weeks === 0 &&
    d.days === 0 &&
    d.hours === 0 &&
    d.minutes === 0 &&
    d.seconds === 0
  );
}
