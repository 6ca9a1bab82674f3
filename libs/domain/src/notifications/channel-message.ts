import { DateTime } from 'luxon';

/** What happened, as the notification says it (the notification types of the API). */
export type NoticeKind =
  'reminder' | 'acknowledge_overdue' | 'overdue' | 'escalation' | 'supervision_notice' | 'extension_decided';

export interface ChannelMessageInput {
  type: NoticeKind;
  level?: number | null;
  issue: {
    kind: 'supervision' | 'proposal';
    referenceNo: string;
    title: string;
    dueAt: Date | null;
    acknowledgeDueAt: Date | null;
  };
  /** The responsible unit's name (its code when it has none). */
  leadUnit: string | null;
  /** Whom the notification addresses: the notified unit's name, or the person's. */
  addressee: string;
  /** The unit an escalation reached. */
  escalatedTo?: string | null;
  /** A supervision notice's words. */
  note?: string | null;
  /** An extension decision. */
  approved?: boolean | null;
  timeZone: string;
}

export interface ChannelMessage {
  subject: string;
  /** The mail's plain-text body. */
  text: string;
  /** One SMS: short, with the same facts. */
  sms: string;
}

const SYSTEM = '问题直办';
const SMS_TITLE_CHARS = 20;
const SUBJECT_TITLE_CHARS = 40;

function clip(text: string, chars: number): string {
  const glyphs = [...text.replace(/\s+/g, ' ').trim()];
  return glyphs.length <= chars ? glyphs.join('') : `${glyphs.slice(0, chars - 1).join('')}…`;
}

/** `2026年12月3日 18:00（北京时间）`: local time where the working days are counted. */
export function formatDeadline(at: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  const zone = timeZone === 'Asia/Shanghai' ? '北京时间' : timeZone;
  return `${local.toFormat("yyyy'年'M'月'd'日' HH:mm")}（${zone}）`;
}

function label(input: ChannelMessageInput): string {
  switch (input.type) {
    case 'reminder':
      return '办理提醒';
    case 'acknowledge_overdue':
      return '签收超时';
    case 'overdue':
      return '办理超期';
    case 'escalation':
      return input.level ? `升级督办（第${input.level}级）` : '升级督办';
    case 'supervision_notice':
      return '督办通知';
    case 'extension_decided':
      return input.approved ? '延期申请已批准' : '延期申请未获批准';
  }
}

function sentence(input: ChannelMessageInput, noun: string): string {
  const title = `${noun}“${input.issue.title}”`;
  switch (input.type) {
    case 'reminder':
      return `${title}临近办理期限，请抓紧办理。`;
    case 'acknowledge_overdue':
      return `${title}已超过签收期限仍未签收，请立即签收。`;
    case 'overdue':
      return `${title}已超过办理期限，请立即办理并报送整改情况。`;
    case 'escalation': {
      const reached = input.escalatedTo ? `，督办至${input.escalatedTo}` : '';
      return `${title}逾期未办结，已升级为第${input.level ?? 1}级督办${reached}，请立即办理。`;
    }
    case 'supervision_notice':
      return `督查室就${title}发出督办通知，请按要求办理。`;
    case 'extension_decided':
      return input.approved
        ? `${title}的延期申请已获批准，请按新的办理期限办结。`
        : `${title}的延期申请未获批准，请按原办理期限办结。`;
  }
}

/** The deadline that matters for this notice: the acknowledge deadline while acknowledging is what is late. */
function deadline(input: ChannelMessageInput): { name: string; at: Date | null } {
  if (input.type === 'acknowledge_overdue') return { name: '签收期限', at: input.issue.acknowledgeDueAt };
  return { name: '办理期限', at: input.issue.dueAt };
}

/**
 * The e-mail and SMS text of a notification, in Chinese: what happened, the reference number, the title, the
 * responsible unit and the deadline, in the time zone working days are counted in.
 */
export function channelMessage(input: ChannelMessageInput): ChannelMessage {
  const noun = input.issue.kind === 'proposal' ? '提案' : '问题';
  const what = label(input);
  const due = deadline(input);
  const dueText = due.at ? formatDeadline(due.at, input.timeZone) : '未定';
  const unit = input.leadUnit ?? '未分拨';
  const lines = [
    `${input.addressee}：`,
    '',
    sentence(input, noun),
    '',
    `编号：${input.issue.referenceNo}`,
    `标题：${input.issue.title}`,
    `责任单位：${unit}`,
    `${due.name}：${dueText}`,
  ];
  if (input.type === 'escalation' && input.escalatedTo)
    lines.push(`督办层级：第${input.level ?? 1}级，${input.escalatedTo}`);
  if (input.note) lines.push(`督办意见：${input.note}`);
  lines.push('', `请登录${SYSTEM}系统查看并及时办理。`, '本邮件由系统自动发送，请勿直接回复。');
  const sms =
    `【${SYSTEM}】${what}：${input.issue.referenceNo}“${clip(input.issue.title, SMS_TITLE_CHARS)}”，` +
    `责任单位${unit}，${due.name}${due.at ? formatDeadline(due.at, input.timeZone) : dueText}。请登录系统及时办理。`;
  return {
    subject: `【${SYSTEM}】${what}：${input.issue.referenceNo} ${clip(input.issue.title, SUBJECT_TITLE_CHARS)}`,
    text: lines.join('\n'),
    sms,
  };
}
