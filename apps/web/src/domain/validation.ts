import type { FormItemRule } from 'element-plus';
import {
  EVIDENCE_TYPES,
  ISSUE_KINDS,
  ISSUE_SOURCES,
  RETURN_REASON_CODES,
  SATISFACTIONS,
  SEVERITIES,
  VERIFICATION_OUTCOMES,
} from './enums';

// The field rules of the API's DTOs (apps/api: class-validator), written once for the forms. A form that
// passes these sends what the API accepts; the API stays the judge and its 400 names the field.

/** A message key under `validation.` and its parameters; null when the value is fine. */
export interface Problem {
  key: string;
  params?: Record<string, string | number>;
}
export type Check = (value: unknown) => Problem | null;
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export const LIMITS = {
  title: 200,
  description: 10_000,
  text: 10_000, // progress note, rectification summary, verification comment, supervision notice
  reason: 2_000, // return, withdraw, assign, extension reason and decision comment
  place: 200, // township, village
  evidenceText: 2_000, // evidence uri and description
  evidenceItems: 50,
  codeUnits: 50,
  username: 64,
  password: 200,
  passwordMin: 10,
  /** POST /attachments takes at most 20 MiB (413 beyond). */
  attachmentBytes: 20 * 1024 * 1024,
} as const;

/** The files POST /attachments takes (it reads the type from the bytes; 415 for anything else). */
export const ATTACHMENT_TYPES = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
} as const satisfies Record<string, readonly string[]>;
/** For `<input accept>`: the types and their extensions. */
export const ATTACHMENT_ACCEPT = Object.entries(ATTACHMENT_TYPES)
  .flatMap(([type, extensions]) => [type, ...extensions.map((ext) => `.${ext}`)])
  .join(',');

export const CODE_PATTERN = /^[a-z0-9_-]{1,64}$/;
export const REGION_PATTERN = /^\d{6}$/;

const empty = (value: unknown) => value === undefined || value === null || value === '';
/** Characters as the API counts them (validator.js isLength): a surrogate pair is one. */
export const charCount = (value: string) => [...value].length;

export const required: Check = (value) =>
  empty(value) || (Array.isArray(value) && value.length === 0) ? { key: 'required' } : null;

export const maxChars =
  (max: number): Check =>
  (value) =>
    typeof value === 'string' && charCount(value) > max ? { key: 'maxLength', params: { max } } : null;

/** Text that is only spaces says nothing: a title, a reason or a note must have some. */
export const notBlank: Check = (value) =>
  typeof value === 'string' && value !== '' && value.trim() === '' ? { key: 'required' } : null;

export const minChars =
  (min: number): Check =>
  (value) =>
    typeof value === 'string' && !empty(value) && charCount(value) < min ? { key: 'minLength', params: { min } } : null;

export const code: Check = (value) =>
  empty(value) || (typeof value === 'string' && CODE_PATTERN.test(value)) ? null : { key: 'code' };

export const regionCode: Check = (value) =>
  empty(value) || (typeof value === 'string' && REGION_PATTERN.test(value)) ? null : { key: 'regionCode' };

export const oneOf =
  (allowed: readonly string[]): Check =>
  (value) =>
    empty(value) || (typeof value === 'string' && allowed.includes(value)) ? null : { key: 'oneOf' };

export const numberIn =
  (min: number, max: number): Check =>
  (value) => {
    if (empty(value)) return null;
    if (typeof value !== 'number' || !Number.isFinite(value)) return { key: 'number' };
    return value < min || value > max ? { key: 'range', params: { min, max } } : null;
  };

export const codeList: Check = (value) => {
  if (empty(value)) return null;
  if (!Array.isArray(value)) return { key: 'code' };
  if (value.length > LIMITS.codeUnits) return { key: 'maxItems', params: { max: LIMITS.codeUnits } };
  if (value.some((item) => typeof item !== 'string' || !CODE_PATTERN.test(item))) return { key: 'code' };
  return new Set(value).size === value.length ? null : { key: 'distinct' };
};

export const maxItems =
  (max: number): Check =>
  (value) =>
    Array.isArray(value) && value.length > max ? { key: 'maxItems', params: { max } } : null;

/** An ISO-8601 date-time (the API's IsISO8601 strict), optionally required to be after `now()`. */
export const dateTime =
  (options: { future?: boolean; now?: () => Date } = {}): Check =>
  (value) => {
    if (empty(value)) return null;
    const time = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
    if (!time || Number.isNaN(time.getTime())) return { key: 'dateTime' };
    if (options.future && time.getTime() <= (options.now ?? (() => new Date()))().getTime()) return { key: 'future' };
    return null;
  };

/** A time after another one (e.g. an extension after the current due time); passes when either is missing. */
export const laterThan =
  (other: () => string | null | undefined, key: string): Check =>
  (value) => {
    const bound = other();
    if (empty(value) || !bound || typeof value !== 'string') return null;
    const time = new Date(value).getTime();
    return Number.isNaN(time) || time > new Date(bound).getTime() ? null : { key };
  };

/** A file for POST /attachments: a type it takes (by MIME type, else by extension), at most 20 MiB. */
export const attachmentFile: Check = (value) => {
  if (empty(value)) return null;
  const file = value as { name?: unknown; type?: unknown; size?: unknown };
  if (typeof file.size !== 'number' || typeof file.name !== 'string') return { key: 'fileType' };
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  const known =
    (typeof file.type === 'string' && file.type in ATTACHMENT_TYPES) ||
    Object.values(ATTACHMENT_TYPES).some((extensions) => (extensions as readonly string[]).includes(extension));
  if (!known) return { key: 'fileType' };
  if (file.size > LIMITS.attachmentBytes) return { key: 'fileSize', params: { max: 20 } };
  if (file.size === 0) return { key: 'fileEmpty' };
  return null;
};

export const notEqualTo =
  (other: () => string | null | undefined, key: string): Check =>
  (value) =>
    !empty(value) && value === other() ? { key } : null;

export const equalTo =
  (other: () => unknown, key: string): Check =>
  (value) =>
    !empty(value) && value !== other() ? { key } : null;

/** The first problem of a list of checks. */
export function validate(value: unknown, checks: Check[]): Problem | null {
  for (const check of checks) {
    const problem = check(value);
    if (problem) return problem;
  }
  return null;
}

/** Element Plus form rules from checks; messages through i18n (`validation.<key>`). */
export function rules(t: Translate, checks: Check[]): FormItemRule[] {
  return [
    {
      trigger: ['blur', 'change'],
      required: checks.includes(required),
      validator: (_rule, value, callback) => {
        const problem = validate(value, checks);
        callback(problem ? new Error(t(`validation.${problem.key}`, problem.params)) : undefined);
      },
    },
  ];
}

// The checks of each body the API takes, by field (dotted paths for nested fields, as el-form-item `prop`).
export const FIELD_CHECKS = {
  fileIssue: {
    kind: [oneOf(ISSUE_KINDS)],
    title: [required, notBlank, maxChars(LIMITS.title)],
    description: [required, notBlank, maxChars(LIMITS.description)],
    category: [required, code],
    regionCode: [required, regionCode],
    severity: [required, oneOf(SEVERITIES)],
    source: [required, oneOf(ISSUE_SOURCES)],
    'location.township': [maxChars(LIMITS.place)],
    'location.village': [maxChars(LIMITS.place)],
    'location.lat': [numberIn(-90, 90)],
    'location.lng': [numberIn(-180, 180)],
    evidence: [maxItems(LIMITS.evidenceItems)],
  },
  attachment: { file: [attachmentFile] },
  evidence: {
    type: [required, oneOf(EVIDENCE_TYPES)],
    uri: [maxChars(LIMITS.evidenceText)],
    description: [maxChars(LIMITS.evidenceText)],
  },
  return: { reason: [required, notBlank, maxChars(LIMITS.reason)], reasonCode: [oneOf(RETURN_REASON_CODES)] },
  progress: { note: [required, notBlank, maxChars(LIMITS.text)] },
  rectification: {
    summary: [required, notBlank, maxChars(LIMITS.text)],
    evidence: [maxItems(LIMITS.evidenceItems)],
  },
  verification: {
    outcome: [required, oneOf(VERIFICATION_OUTCOMES)],
    comment: [maxChars(LIMITS.text)],
    satisfaction: [oneOf(SATISFACTIONS)],
    dueAt: [dateTime({ future: true })],
  },
  extensionRequest: {
    requestedDueAt: [required, dateTime({ future: true })],
    reason: [required, notBlank, maxChars(LIMITS.reason)],
  },
  extensionDecision: { comment: [maxChars(LIMITS.reason)] },
  assign: { leadUnit: [required, code], coUnits: [codeList], reason: [required, notBlank, maxChars(LIMITS.reason)] },
  supervisionNotice: { note: [required, notBlank, maxChars(LIMITS.text)] },
  withdraw: { reason: [required, notBlank, maxChars(LIMITS.reason)] },
  login: {
    username: [required, maxChars(LIMITS.username)],
    password: [required, maxChars(LIMITS.password)],
  },
} satisfies Record<string, Record<string, Check[]>>;

export type FormName = keyof typeof FIELD_CHECKS;

/** The rules of one form, ready for `<el-form :rules>`. */
export function formRules<F extends FormName>(
  t: Translate,
  form: F,
): Record<keyof (typeof FIELD_CHECKS)[F] & string, FormItemRule[]> {
  const checks = FIELD_CHECKS[form] as Record<string, Check[]>;
  return Object.fromEntries(Object.entries(checks).map(([field, list]) => [field, rules(t, list)])) as Record<
    keyof (typeof FIELD_CHECKS)[F] & string,
    FormItemRule[]
  >;
}

/** The change-password form: the API's password policy (≥ 10 characters, not the username). */
export function passwordRules(t: Translate, username: () => string, newPassword: () => string) {
  return {
    currentPassword: rules(t, [required, maxChars(LIMITS.password)]),
    newPassword: rules(t, [
      required,
      minChars(LIMITS.passwordMin),
      maxChars(LIMITS.password),
      notEqualTo(username, 'notUsername'),
    ]),
    confirmPassword: rules(t, [required, equalTo(newPassword, 'mismatch')]),
  };
}
