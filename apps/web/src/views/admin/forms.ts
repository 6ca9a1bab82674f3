import type { FormItemRule } from 'element-plus';
import { ROLES, SEVERITIES, UNIT_KINDS } from '@/domain/enums';
import {
  code,
  codeList,
  LIMITS,
  maxChars,
  minChars,
  notEqualTo,
  numberIn,
  oneOf,
  regionCode,
  required,
  rules,
  type Check,
  type Translate,
} from '@/domain/validation';
import { isLocalDate } from './calendar-grid';
import { durationProblem, type CalendarKind } from './deadline-preview';

// The admin's forms, checked as the API's DTOs check them (apps/api/src/users/users.dto.ts,
// reference/reference.dto.ts, webhooks/webhooks.controller.ts, assessment/assessment.dto.ts). The API stays the
// judge: what it still refuses is shown with its own message.

export const USERNAME_PATTERN = /^[A-Za-z0-9_.@-]{1,64}$/;
export const PHONE_PATTERN = /^\+?[0-9][0-9 -]{4,30}$/;
// class-validator's isEmail is stricter; this catches what a person mistypes, the API catches the rest.
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const NAME_MAX = 200;
export const SECRET = { min: 16, max: 256 };

const empty = (value: unknown) => value === undefined || value === null || value === '';
const matching =
  (pattern: RegExp, key: string): Check =>
  (value) =>
    empty(value) || (typeof value === 'string' && pattern.test(value)) ? null : { key };

export const username = matching(USERNAME_PATTERN, 'username');
export const phone = matching(PHONE_PATTERN, 'phone');
export const email: Check = (value) =>
  empty(value)
    ? null
    : typeof value === 'string' && EMAIL_PATTERN.test(value) && value.length <= 254
      ? null
      : { key: 'email' };
export const integer: Check = (value) =>
  empty(value) || (typeof value === 'number' && Number.isInteger(value)) ? null : { key: 'integer' };
export const localDate: Check = (value) =>
  empty(value) || (typeof value === 'string' && isLocalDate(value)) ? null : { key: 'date' };
export const url: Check = (value) => {
  if (empty(value)) return null;
  try {
    const parsed = new URL(String(value));
    return ['http:', 'https:'].includes(parsed.protocol) && String(value).length <= 2000 ? null : { key: 'url' };
  } catch {
    return { key: 'url' };
  }
};
export const duration =
  (calendar: () => CalendarKind): Check =>
  (value) => {
    if (empty(value)) return null;
    const problem = durationProblem(String(value), calendar());
    return problem ? { key: problem } : null;
  };
/** Reminder fractions: up to 10 distinct numbers in [0.01, 0.99]. */
export const fractions: Check = (value) => {
  if (!Array.isArray(value)) return null;
  if (value.length > 10) return { key: 'maxItems', params: { max: 10 } };
  if (value.some((n) => typeof n !== 'number' || !Number.isFinite(n) || n < 0.01 || n > 0.99)) {
    return { key: 'fraction' };
  }
  return new Set(value).size === value.length ? null : { key: 'distinct' };
};
/** "0.5, 0.8" → [0.5, 0.8]; null when a part is not a number. Empty text: no reminders. */
export function parseFractions(text: string): number[] | null {
  const parts = text
    .split(/[,，\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  const numbers = parts.map(Number);
  return numbers.some((n) => !Number.isFinite(n)) ? null : numbers;
}

export const fractionsText: Check = (value) => {
  const numbers = parseFractions(typeof value === 'string' ? value : '');
  return numbers ? fractions(numbers) : { key: 'fraction' };
};

/** Escalation steps: up to 10, levels 1–10, each level once. */
export const escalationLevels: Check = (value) => {
  if (!Array.isArray(value)) return null;
  if (value.length > 10) return { key: 'maxItems', params: { max: 10 } };
  const levels = value.map((step: { level?: unknown }) => step.level);
  if (levels.some((l) => typeof l !== 'number' || !Number.isInteger(l) || l < 1 || l > 10)) return { key: 'level' };
  return new Set(levels).size === levels.length ? null : { key: 'distinctLevels' };
};
/** A scoring rule's `when`: JSON text of an object whose values are strings, numbers, booleans or null. */
export const whenJson: Check = (value) => {
  if (empty(value)) return null;
  try {
    const parsed: unknown = JSON.parse(String(value));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { key: 'whenObject' };
    const scalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
    return Object.values(parsed).every(scalar) ? null : { key: 'whenObject' };
  } catch {
    return { key: 'json' };
  }
};

export const USER_CHECKS = {
  username: [required, username],
  displayName: [required, maxChars(NAME_MAX)],
  role: [required, oneOf(ROLES)],
  email: [email],
  phone: [phone],
};

/** Rules of the user form; `unit` is required for a handler, the password is not the username. */
export function userRules(t: Translate, form: { username: string; role: string }, creating: boolean) {
  const base = checksToRules(t, USER_CHECKS);
  base.unit = [
    {
      trigger: ['blur', 'change'],
      validator: (_rule, value, callback) => {
        if (form.role === 'handler' && empty(value)) return callback(new Error(t('admin.validation.unitForHandler')));
        const problem = code(value);
        callback(problem ? new Error(t(`validation.${problem.key}`)) : undefined);
      },
    },
  ];
  if (creating) base.password = passwordRule(t, () => form.username);
  return base;
}

export function passwordRule(t: Translate, name: () => string): FormItemRule[] {
  return rules(t, [required, minChars(LIMITS.passwordMin), maxChars(LIMITS.password), notEqualTo(name, 'notUsername')]);
}

export const UNIT_CHECKS = {
  code: [required, code],
  name: [required, maxChars(NAME_MAX)],
  kind: [required, oneOf(UNIT_KINDS)],
  regionCode: [required, regionCode],
  parent: [code],
};
export const REGION_CHECKS = {
  code: [required, regionCode],
  name: [required, maxChars(NAME_MAX)],
  parent: [regionCode],
};
export const CATEGORY_CHECKS = { code: [required, code], name: [required, maxChars(NAME_MAX)] };
export const RULE_CHECKS = {
  category: [code],
  regionCode: [regionCode],
  leadUnit: [required, code],
  coUnits: [codeList],
  priority: [integer, numberIn(-1_000_000, 1_000_000)],
};
export const WEBHOOK_CHECKS = {
  url: [required, url],
  events: [required],
  secret: [required, minChars(SECRET.min), maxChars(SECRET.max)],
};
export const CALENDAR_DAY_CHECKS = {
  date: [required, localDate],
  type: [required, oneOf(['holiday', 'workday'])],
  name: [maxChars(NAME_MAX)],
};

export function policyRules(t: Translate, calendar: () => CalendarKind) {
  return checksToRules(t, {
    severity: [required, oneOf(SEVERITIES)],
    category: [code],
    calendar: [required, oneOf(['working', 'natural'])],
    acknowledgeWithin: [required, duration(calendar)],
    resolveWithin: [required, duration(calendar)],
    verifyWithin: [duration(calendar)],
    maxReturns: [integer, numberIn(1, 20)],
    remindAt: [fractionsText],
    escalations: [escalationLevels],
  });
}

/** Element Plus rules from a table of checks; admin-only message keys live under `admin.validation.`. */
export function checksToRules(t: Translate, table: Record<string, Check[]>): Record<string, FormItemRule[]> {
  const translate: Translate = (key, params) =>
    key.startsWith('validation.') && ADMIN_KEYS.has(key.slice('validation.'.length))
      ? t(`admin.${key}`, params)
      : t(key, params);
  return Object.fromEntries(Object.entries(table).map(([field, checks]) => [field, rules(translate, checks)]));
}

/** The message keys these checks add to the shared `validation.` ones. */
export const ADMIN_KEYS = new Set([
  'username',
  'phone',
  'email',
  'integer',
  'date',
  'url',
  'duration',
  'workingMonths',
  'fraction',
  'level',
  'distinctLevels',
  'whenObject',
  'json',
  'unitForHandler',
]);
