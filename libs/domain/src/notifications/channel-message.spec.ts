import { channelMessage, ChannelMessageInput, formatDeadline } from './channel-message';

const base: ChannelMessageInput = {
  type: 'escalation',
  level: 2,
  issue: {
    kind: 'supervision',
    referenceNo: 'DH-2026-000123',
    title: '大山村通组公路塌方后未修复',
    // 18:00 in Shanghai on a Thursday.
    dueAt: new Date('2026-12-03T10:00:00Z'),
    acknowledgeDueAt: new Date('2026-11-27T01:30:00Z'),
  },
  leadUnit: '兴仁市人民政府',
  addressee: '州委督查室',
  escalatedTo: '州委督查室',
  timeZone: 'Asia/Shanghai',
};

describe('channelMessage', () => {
  it('names what happened, the reference number, title, unit and deadline in the subject, body and SMS', () => {
    const message = channelMessage(base);
    expect(message.subject).toBe('【问题直办】升级督办（第2级）：DH-2026-000123 大山村通组公路塌方后未修复');
    expect(message.text.split('\n')).toEqual([
      '州委督查室：',
      '',
      '问题“大山村通组公路塌方后未修复”逾期未办结，已升级为第2级督办，督办至州委督查室，请立即办理。',
      '',
      '编号：DH-2026-000123',
      '标题：大山村通组公路塌方后未修复',
      '责任单位：兴仁市人民政府',
      '办理期限：2026年12月3日 18:00（北京时间）',
      '督办层级：第2级，州委督查室',
      '',
      '请登录问题直办系统查看并及时办理。',
      '本邮件由系统自动发送，请勿直接回复。',
    ]);
    expect(message.sms).toBe(
      '【问题直办】升级督办（第2级）：DH-2026-000123“大山村通组公路塌方后未修复”，责任单位兴仁市人民政府，' +
        '办理期限2026年12月3日 18:00（北京时间）。请登录系统及时办理。',
    );
  });

  it('names the acknowledge deadline when acknowledging is what is late', () => {
    const message = channelMessage({ ...base, type: 'acknowledge_overdue', level: null, addressee: '兴仁市人民政府' });
    expect(message.subject).toBe('【问题直办】签收超时：DH-2026-000123 大山村通组公路塌方后未修复');
    expect(message.text).toContain('签收期限：2026年11月27日 09:30（北京时间）');
    expect(message.text).not.toContain('办理期限');
    expect(message.sms).toContain('签收期限2026年11月27日 09:30');
  });

  it.each([
    ['reminder', {}, '办理提醒', '临近办理期限'],
    ['overdue', {}, '办理超期', '已超过办理期限'],
    ['supervision_notice', { note: '请于周五前报送整改方案' }, '督办通知', '督办意见：请于周五前报送整改方案'],
    ['extension_decided', { approved: true }, '延期申请已批准', '延期申请已获批准'],
    ['extension_decided', { approved: false }, '延期申请未获批准', '延期申请未获批准'],
  ] as const)('%s %j: %s', (type, extra, label, phrase) => {
    const message = channelMessage({ ...base, type, level: null, escalatedTo: null, ...extra });
    expect(message.subject.startsWith(`【问题直办】${label}：DH-2026-000123`)).toBe(true);
    expect(message.text).toContain(phrase);
    expect(message.sms.startsWith(`【问题直办】${label}：`)).toBe(true);
  });

  it('calls a proposal a proposal, and says when there is no unit or deadline yet', () => {
    const message = channelMessage({
      ...base,
      type: 'reminder',
      issue: { ...base.issue, kind: 'proposal', dueAt: null },
      leadUnit: null,
    });
    expect(message.text).toContain('提案“大山村通组公路塌方后未修复”');
    expect(message.text).toContain('责任单位：未分拨');
    expect(message.text).toContain('办理期限：未定');
  });

  it('keeps an SMS short: a long title is clipped, the reference number stays whole', () => {
    const title = '关于某县某乡镇某村组通组公路因今年汛期连续强降雨引发山体滑坡导致道路中断至今仍未修复的问题';
    const message = channelMessage({ ...base, issue: { ...base.issue, title } });
    expect(message.sms).toContain('DH-2026-000123“关于某县某乡镇某村组通组公路因今年汛期…”');
    expect([...message.sms].length).toBeLessThanOrEqual(120);
    expect(message.text).toContain(`标题：${title}`);
  });

  it('writes the deadline in the time zone working days are counted in', () => {
    expect(formatDeadline(new Date('2026-12-31T16:30:00Z'), 'Asia/Shanghai')).toBe('2027年1月1日 00:30（北京时间）');
    expect(formatDeadline(new Date('2026-12-31T16:30:00Z'), 'Europe/Berlin')).toBe(
      '2026年12月31日 17:30（Europe/Berlin）',
    );
  });
});
