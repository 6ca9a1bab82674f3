import type { TimelineItem } from '@/api/types';
import type { Translate } from '@/domain/validation';

/** An evidence item as an event's data carries it (rectification). */
export interface EventEvidence {
  type: string;
  attachmentId?: string;
  uri?: string;
  description?: string;
  filename?: string;
  contentType?: string;
  size?: number;
}

export interface TimelineEntry {
  id: string;
  seq: number;
  type: string;
  occurredAt: string;
  /** Who did what, in a sentence (`issues.event.<type>`). */
  text: string;
  /** What they wrote (a note, a reason, a summary), shown as their words beneath. */
  quote: string | null;
  /** Files cited by this event (a rectification's evidence). */
  evidence: EventEvidence[];
  system: boolean;
}

export interface Namer {
  t: Translate;
  unit: (code: string | null | undefined) => string;
  time: (iso: string | null | undefined) => string;
}

type Data = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);
const list = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** `承办人员 xingren-handler`, or 系统 for timers and routing. */
export function actorName(actor: unknown, t: Translate): string {
  const { username, role } = (actor ?? {}) as { username?: unknown; role?: unknown };
  if (typeof username !== 'string' || username === 'system' || !username) return t('issues.event.system');
  return typeof role === 'string' ? `${t(`enums.role.${role}`)} ${username}` : username;
}

/** One timeline event as a sentence in the user's language, with the words the actor wrote. */
export function describeEvent(item: TimelineItem, names: Namer): TimelineEntry {
  const { t } = names;
  const data = (item.data ?? {}) as Data;
  const actor = actorName(item.actor, t);
  const unit = names.unit(text(data.unit));
  const type = item.type.replace(/^issue\./, '');
  const say = (key: string, params: Record<string, string | number> = {}) =>
    t(`issues.event.${key}`, { actor, unit, ...params });
  const satisfaction = text(data.satisfaction);
  const rated = satisfaction ? t('issues.event.rated', { satisfaction: t(`enums.satisfaction.${satisfaction}`) }) : '';
  let sentence: string;
  let quote: string | null = null;
  let evidence: EventEvidence[] = [];

  switch (type) {
    case 'filed':
      sentence = say('filed');
      break;
    case 'routed': {
      const lead = names.unit(text(data.leadUnit));
      const co = list(data.coUnits).map((code) => names.unit(code));
      const coText = co.length ? t('issues.event.coUnits', { units: co.join('、') }) : '';
      if (data.manual === true) {
        const previous = text(data.previousUnit);
        sentence = previous
          ? say('reassigned', { lead, previous: names.unit(previous), co: coText })
          : say('assigned', { lead, co: coText });
        quote = text(data.reason);
      } else {
        sentence = say('routed', { lead, co: coText });
      }
      break;
    }
    case 'triaged':
      sentence =
        data.reason === 'max_returns_reached'
          ? say('triagedAfterReturns', { returns: Number(data.returns ?? 0) })
          : say('triaged');
      break;
    case 'acknowledged':
      sentence = say(data.onTime === false ? 'acknowledgedLate' : 'acknowledged');
      break;
    case 'returned': {
      const code = text(data.reasonCode) ?? 'other';
      sentence = say('returned', { reason: t(`enums.returnReason.${code}`) });
      quote = text(data.reason);
      break;
    }
    case 'progress_reported':
      sentence = say('progress_reported');
      quote = text(data.note);
      break;
    case 'rectification_submitted':
      evidence = Array.isArray(data.evidence) ? (data.evidence as EventEvidence[]) : [];
      sentence = say(evidence.length ? 'rectificationWithFiles' : 'rectification_submitted', {
        count: evidence.length,
      });
      quote = text(data.summary);
      break;
    case 'accepted':
      sentence = data.automatic === true ? say('acceptedAutomatically') : say('accepted', { rated });
      quote = text(data.comment);
      break;
    case 'reopened':
      sentence = say('reopened', {
        count: Number(data.reopenCount ?? 1),
        dueAt: names.time(text(data.dueAt)),
        rated,
      });
      quote = text(data.comment);
      break;
    case 'extension_requested':
      sentence = say('extension_requested', { dueAt: names.time(text(data.requestedDueAt)) });
      quote = text(data.reason);
      break;
    case 'extension_approved':
      sentence = say('extension_approved', {
        previous: names.time(text(data.previousDueAt)) || t('issues.event.noDue'),
        dueAt: names.time(text(data.dueAt)),
      });
      quote = text(data.comment);
      break;
    case 'extension_rejected':
      sentence = say('extension_rejected');
      quote = text(data.comment);
      break;
    case 'reminder_sent':
      sentence = say('reminder_sent', { n: Number(data.index ?? 0) + 1 });
      break;
    case 'acknowledge_overdue':
      sentence = say('acknowledge_overdue');
      break;
    case 'overdue':
      sentence = say('overdue', { dueAt: names.time(text(data.dueAt)) });
      break;
    case 'escalated': {
      const target = text(data.escalatedTo);
      sentence = say(target ? 'escalatedTo' : 'escalated', {
        level: Number(data.level ?? 0),
        target: names.unit(target),
      });
      break;
    }
    case 'supervision_notice':
      sentence = say('supervision_notice');
      quote = text(data.note);
      break;
    case 'key_changed':
      sentence = say(data.isKey === true ? 'keyOn' : 'keyOff');
      break;
    case 'withdrawn':
      sentence = say('withdrawn');
      quote = text(data.reason);
      break;
    default:
      sentence = say('other', { type: item.type });
  }
  return {
    id: item.id,
    seq: item.seq,
    type: item.type,
    occurredAt: item.occurredAt,
    text: sentence,
    quote,
    evidence,
    system: actor === t('issues.event.system'),
  };
}
