import { createHmac } from 'node:crypto';
import { DateTime } from 'luxon';
import { Reconciler } from '@app/workflow';
import { API, fileRouted, seedReference } from './support/factories';
import { SmsGateway } from './support/sms-gateway';
import { SmtpSink } from './support/smtp-sink';
import { TestApp, waitFor } from './support/test-app';

const SECRET = 'sms-gateway-secret-for-tests';
const FROM_DOMAIN = 'dh.test';

/** A fixed-offset zone in which it is now about 2 a.m.: outside working hours whatever the calendar says. */
function zoneWhereItIsNight(now = new Date()): string {
  const offset = ((2 - now.getUTCHours() + 36) % 24) - 12; // hours east of UTC, in [-12, 11]
  // Etc/GMT zones count the other way: Etc/GMT-8 is UTC+8.
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

interface DeliveryRow {
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  address: string;
  status: string;
  attempts: number;
  type: string;
  level: number | null;
  unit_code: string;
  deliver_after: Date;
  last_error: string | null;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

describe('notifications reach people by e-mail and SMS', () => {
  const timeZone = zoneWhereItIsNight();
  const smtp = new SmtpSink();
  const sms = new SmsGateway();
  let app: TestApp;

  const deliveries = async (issueId: string, where = 'true'): Promise<DeliveryRow[]> =>
    (
      await app.db.query(
        `SELECT d.id, d.channel, d.recipient, d.address, d.status, d.attempts, n.type, n.level, n.unit_code,
                d.deliver_after, d.last_error
           FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
          WHERE n.issue_id = $1 AND ${where} ORDER BY n.created_at, d.channel, d.recipient`,
        [issueId],
      )
    ).rows;

  /** Waits until the issue's notifications of this kind have their deliveries in a final state. */
  const settled = (issueId: string, where: string, count: number, timeoutMs = 20_000) =>
    waitFor(
      async () => {
        const rows = await deliveries(issueId, where);
        return rows.length === count && rows.every((row) => row.status !== 'pending') ? rows : undefined;
      },
      timeoutMs,
      `${count} deliveries (${where}) settled`,
    );

  beforeAll(async () => {
    await smtp.listen();
    await sms.listen();
    app = await TestApp.start({
      env: {
        TIME_ZONE: timeZone,
        RECONCILE_INTERVAL_MS: '60000',
        SMTP_URL: smtp.url,
        MAIL_FROM: `问题直办 <noreply@${FROM_DOMAIN}>`,
        SMS_GATEWAY_URL: sms.url,
        SMS_GATEWAY_SECRET: SECRET,
        CHANNEL_MAX_ATTEMPTS: '30',
        CHANNEL_RETRY_BASE_MS: '100',
        CHANNEL_RETRY_MAX_MS: '400',
        CHANNEL_TIMEOUT_MS: '1000',
      },
    });
    await seedReference(app);
    const admin = await app.as('admin');
    const ok = async (response: Promise<{ status: number; body: unknown }>) => {
      const result = await response;
      if (result.status >= 300) throw new Error(`setup: ${result.status} ${JSON.stringify(result.body)}`);
    };
    await ok(admin.patch(`${API}/users/xingren-handler`, { email: 'handler@xingren.test', phone: '13800000001' }));
    for (const [username, role, unit, email, phone] of [
      ['xingren-deputy', 'handler', 'xingren-gov', 'deputy@xingren.test', null],
      ['xingren-retired', 'handler', 'xingren-gov', 'retired@xingren.test', '13800000009'],
      ['office-inspector', 'inspector', 'pref-inspection', 'office@inspection.test', '13800000002'],
    ]) {
      await ok(
        admin.post(`${API}/users`, {
          username,
          password: 'test-password',
          displayName: username,
          role,
          unit,
          email,
          phone,
        }),
      );
    }
    await ok(admin.patch(`${API}/users/xingren-retired`, { active: false }));
    // Second-scale deadlines for rural roads: acknowledge in 1 s, resolve in 2 s, level 2 one second later.
    for (const severity of ['urgent', 'major']) {
      await ok(
        admin.post(`${API}/deadline-policies`, {
          severity,
          category: 'rural_roads',
          calendar: 'natural',
          acknowledgeWithin: 'PT1S',
          resolveWithin: 'PT2S',
          remindAt: [],
          escalations: [
            { after: 'PT0S', level: 1 },
            { after: 'PT1S', level: 2 },
          ],
        }),
      );
    }
  });

  afterAll(async () => {
    await app?.close();
    await smtp.close();
    await sms.close();
  });

  afterEach(() => {
    smtp.mode = 'accept';
    sms.answer = () => 200;
  });

  it('an urgent escalation is mailed and texted in Chinese to the active people of each unit it notifies', async () => {
    const issue = await fileRouted(app, { severity: 'urgent', title: '大山村通组公路塌方后未修复' });
    expect(issue.leadUnit).toBe('xingren-gov');
    const level2 = await settled(issue.id, `n.type = 'escalation' AND n.level = 2`, 5);
    expect(level2.map((row) => [row.unit_code, row.channel, row.recipient, row.status])).toEqual([
      ['pref-inspection', 'email', 'office-inspector', 'sent'],
      ['xingren-gov', 'email', 'xingren-deputy', 'sent'],
      ['xingren-gov', 'email', 'xingren-handler', 'sent'],
      ['pref-inspection', 'sms', 'office-inspector', 'sent'],
      ['xingren-gov', 'sms', 'xingren-handler', 'sent'],
    ]);
    const dueText = DateTime.fromISO(issue.dueAt, { zone: timeZone }).toFormat("yyyy'年'M'月'd'日' HH:mm");

    for (const delivery of level2.filter((row) => row.channel === 'email')) {
      const [mail, ...again] = smtp.mails.filter(
        (candidate) => candidate.messageId === `<${delivery.id}@${FROM_DOMAIN}>`,
      );
      expect(again).toEqual([]);
      expect(mail.to).toEqual([delivery.address]);
      expect(mail.from).toBe(`noreply@${FROM_DOMAIN}`);
      expect(mail.headers['x-event-id']).toBe(delivery.id);
      expect(mail.subject).toBe(`【问题直办】升级督办（第2级）：${issue.referenceNo} 大山村通组公路塌方后未修复`);
      expect(mail.text).toContain(`编号：${issue.referenceNo}`);
      expect(mail.text).toContain('标题：大山村通组公路塌方后未修复');
      expect(mail.text).toContain('责任单位：兴仁市人民政府');
      expect(mail.text).toContain(`办理期限：${dueText}（${timeZone}）`);
      expect(mail.text).toContain('已升级为第2级督办，督办至州委督查室');
      // Addressed to the unit it notifies.
      expect(mail.text.startsWith(delivery.unit_code === 'pref-inspection' ? '州委督查室：' : '兴仁市人民政府：')).toBe(
        true,
      );
    }
    // The retired account and the people without an address get nothing.
    expect(smtp.mails.some((mail) => mail.to.includes('retired@xingren.test'))).toBe(false);

    for (const delivery of level2.filter((row) => row.channel === 'sms')) {
      const [text, ...again] = sms.requests.filter((request) => request.headers['x-event-id'] === delivery.id);
      expect(again).toEqual([]);
      expect(text.headers['x-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(text.raw).digest('hex')}`);
      expect(text.headers['content-type']).toBe('application/json');
      expect(text.body).toEqual({
        to: delivery.address,
        text: expect.stringContaining(
          `【问题直办】升级督办（第2级）：${issue.referenceNo}“大山村通组公路塌方后未修复”`,
        ),
      });
      expect(text.body.text).toContain('责任单位兴仁市人民政府');
      expect(text.body.text).toContain(`办理期限${dueText}`);
    }
    expect(sms.requests.some((request) => request.body.to === '13800000009')).toBe(false);

    // The acknowledge deadline is the one an acknowledge-overdue notice names.
    const [ackMail] = await settled(issue.id, `n.type = 'acknowledge_overdue' AND d.channel = 'email'`, 2);
    const ack = smtp.mails.find((mail) => mail.messageId === `<${ackMail.id}@${FROM_DOMAIN}>`);
    const ackDue = DateTime.fromISO(issue.acknowledgeDueAt, { zone: timeZone }).toFormat("yyyy'年'M'月'd'日' HH:mm");
    expect(ack?.subject).toContain('签收超时');
    expect(ack?.text).toContain(`签收期限：${ackDue}`);
  });

  it('outside working hours a non-urgent notice waits for the working morning; an urgent one goes at once', async () => {
    const major = await fileRouted(app, { severity: 'major', title: '夜间办理超期的普通问题' });
    const inspector = await app.as('inspector');
    const notice = await inspector.post(`${API}/issues/${major.id}/supervision-notices`, { note: '请于明日上午报送' });
    expect(notice.status).toBe(200);
    // Filed after it, an urgent issue's mail arrives: by then the held ones would have gone had they not been held.
    const urgent = await fileRouted(app, { severity: 'urgent', title: '夜间紧急问题' });
    await settled(urgent.id, `n.type = 'escalation' AND n.level = 2`, 5);
    await waitFor(
      async () => (await deliveries(major.id, `n.type = 'escalation' AND n.level = 2`)).length === 5,
      10_000,
      'the major issue escalated too',
    );

    const held = await deliveries(major.id);
    // Supervision notice, acknowledge overdue, overdue, escalation 1 (3 each at the unit), escalation 2 (+2, office).
    expect(held).toHaveLength(3 * 5 + 2);
    const morning = DateTime.now().setZone(timeZone).startOf('day').plus({ hours: 9 });
    for (const row of held) {
      expect(row.status).toBe('pending');
      expect(row.attempts).toBe(0);
      const after = DateTime.fromJSDate(row.deliver_after, { zone: timeZone });
      expect(after > DateTime.now()).toBe(true);
      expect(after.toFormat('HH:mm')).toBe('09:00');
      expect(after >= morning).toBe(true);
    }
    expect(smtp.about(major.referenceNo)).toEqual([]);
    expect(sms.about(major.referenceNo)).toEqual([]);
    expect(smtp.about(urgent.referenceNo).length).toBeGreaterThan(0);
    // The reconciler leaves held deliveries alone.
    expect((await app.workerContext.get(Reconciler).sweep()).channelDeliveriesRequeued).toBe(0);
  });

  it('a mail server that defers and drops connections is retried, while SMS and the timers go on', async () => {
    smtp.mode = 'defer';
    const refusedBefore = smtp.refused.length;
    const issue = await fileRouted(app, { severity: 'urgent', title: '邮件服务器故障期间的紧急问题' });
    // The timers fire on time and the SMS go out while every mail is refused.
    const texts = await settled(issue.id, `d.channel = 'sms' AND n.type = 'escalation' AND n.level = 2`, 2);
    expect(texts.every((row) => row.status === 'sent')).toBe(true);
    const { rows: events } = await app.db.query(
      `SELECT occurred_at, (data->>'scheduledAt')::timestamptz AS scheduled_at FROM issue_events
        WHERE issue_id = $1 AND type = 'issue.escalated' AND (data->>'level')::int = 2`,
      [issue.id],
    );
    expect(events).toHaveLength(1);
    expect(events[0].occurred_at.getTime() - events[0].scheduled_at.getTime()).toBeLessThan(3000);
    const waiting = await waitFor(
      async () => {
        const rows = await deliveries(issue.id, `d.channel = 'email'`);
        return rows.length > 0 && rows.every((row) => row.attempts >= 2) ? rows : undefined;
      },
      10_000,
      'every mail tried twice',
    );
    expect(waiting.every((row) => row.status === 'pending' && /451/.test(row.last_error ?? ''))).toBe(true);
    expect(smtp.about(issue.referenceNo)).toEqual([]);

    smtp.mode = 'close';
    await waitFor(
      async () => smtp.refused.filter((refusal) => refusal.mode === 'close').length >= 3,
      10_000,
      'connections refused and closed',
    );
    smtp.mode = 'accept';
    const mails = await settled(issue.id, `d.channel = 'email'`, waiting.length);
    // An attempt in flight when the server came back may be the one that got through.
    expect(mails.filter((row) => row.status !== 'sent' || row.attempts < 2)).toEqual([]);
    expect(smtp.refused.length - refusedBefore).toBeGreaterThanOrEqual(waiting.length * 2);
    // Each once, however many attempts it took.
    for (const row of mails) {
      expect(smtp.mails.filter((mail) => mail.messageId === `<${row.id}@${FROM_DOMAIN}>`)).toHaveLength(1);
    }
  });

  it('a gateway answering 500 is retried with backoff, the same signed body under the same key each time', async () => {
    sms.answer = (_request, seen) => (seen < 2 ? 500 : 200);
    const issue = await fileRouted(app, { severity: 'urgent', title: '短信网关故障期间的紧急问题' });
    const texts = await settled(issue.id, `d.channel = 'sms' AND n.type = 'escalation' AND n.level = 2`, 2);
    for (const row of texts) {
      expect(row).toMatchObject({ status: 'sent', attempts: 3 });
      const tries = sms.requests.filter((request) => request.headers['x-event-id'] === row.id);
      expect(tries.map((request) => request.answered)).toEqual([500, 500, 200]);
      expect(new Set(tries.map((request) => request.raw.toString('utf8'))).size).toBe(1);
      expect(new Set(tries.map((request) => request.headers['x-signature'])).size).toBe(1);
      // Doubling from 100 ms: the second wait is the longer.
      const [first, second, third] = tries.map((request) => request.at);
      expect(second - first).toBeGreaterThanOrEqual(90);
      expect(third - second).toBeGreaterThanOrEqual(180);
    }
  });

  it('a refusal no retry can change leaves the delivery dead, with what the gateway said', async () => {
    sms.answer = (request) => (request.body.to === '13800000002' ? 400 : 200);
    const issue = await fileRouted(app, { severity: 'urgent', title: '号码被网关拒绝的紧急问题' });
    const rows = await settled(issue.id, `d.channel = 'sms' AND n.type = 'escalation' AND n.level = 2`, 2);
    const dead = rows.find((row) => row.recipient === 'office-inspector');
    expect(dead).toMatchObject({ status: 'dead', attempts: 1, last_error: 'SMS gateway answered 400' });
    const { rows: kept } = await app.db.query(`SELECT response FROM notification_deliveries WHERE id = $1`, [dead?.id]);
    expect(kept[0].response).toBe('400 {"ok":false}');
    expect(rows.find((row) => row.recipient === 'xingren-handler')?.status).toBe('sent');

    // An admin sees it among the dead, and sends it again once the number is mended at the gateway.
    const admin = await app.as('admin');
    const listed = await admin.get(`${API}/notification-deliveries?status=dead&channel=sms`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: dead?.id,
        issueId: issue.id,
        referenceNo: issue.referenceNo,
        type: 'escalation',
        channel: 'sms',
        recipient: 'office-inspector',
        address: '13800000002',
        status: 'dead',
        attempts: 1,
        lastError: 'SMS gateway answered 400',
        response: '400 {"ok":false}',
        sentAt: null,
      }),
    ]);
    expect((await (await app.as('xingren-handler')).get(`${API}/notification-deliveries`)).status).toBe(403);
    const bad = await admin.get(`${API}/notification-deliveries?status=lost`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('status');
    expect((await admin.post(`${API}/notification-deliveries/${issue.id}/redeliver`)).status).toBe(404);

    sms.answer = () => 200;
    const again = await admin.post(`${API}/notification-deliveries/${dead?.id}/redeliver`);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ id: dead?.id, status: 'pending' });
    await waitFor(
      async () => (await deliveries(issue.id, `d.id = '${dead?.id}'`))[0].status === 'sent',
      10_000,
      'the redelivered text sent',
    );
    expect(sms.requests.filter((request) => request.headers['x-event-id'] === dead?.id).map((r) => r.answered)).toEqual(
      [400, 200],
    );
    const sent = await admin.post(`${API}/notification-deliveries/${dead?.id}/redeliver`);
    expect(sent.body).toMatchObject({ status: 'sent', attempts: 2 });
    const audit = await admin.get(`${API}/audit-log?targetType=notification_delivery`);
    expect(audit.body.items).toEqual([
      expect.objectContaining({ actor: 'admin', action: 'notification_delivery.redelivered', targetId: dead?.id }),
    ]);
  });

  it('lost between the receiver taking it and our record: sent again under the same key, recorded once', async () => {
    // The first attempt's "sent" record fails, as if the worker died right after the receiver answered.
    await app.db.query(`
      CREATE FUNCTION lose_first_record() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'sent' AND NEW.attempts = 1 AND EXISTS (
             SELECT 1 FROM notifications n JOIN issues i ON i.id = n.issue_id
              WHERE n.id = NEW.notification_id AND i.title = '发送后崩溃的紧急问题') THEN
          RAISE EXCEPTION 'worker lost before recording the send';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER lose_first_record BEFORE UPDATE ON notification_deliveries
        FOR EACH ROW EXECUTE FUNCTION lose_first_record();
    `);
    try {
      const issue = await fileRouted(app, { severity: 'urgent', title: '发送后崩溃的紧急问题' });
      const rows = await settled(issue.id, `n.type = 'escalation' AND n.level = 2`, 5);
      for (const row of rows) {
        expect(row).toMatchObject({ status: 'sent', attempts: 2 });
        const copies =
          row.channel === 'email'
            ? smtp.mails.filter((mail) => mail.messageId === `<${row.id}@${FROM_DOMAIN}>`).map((mail) => mail.text)
            : sms.requests.filter((request) => request.headers['x-event-id'] === row.id).map((r) => r.body.text);
        // Twice on the wire, one key: the receiver keeps one.
        expect(copies).toHaveLength(2);
        expect(new Set(copies).size).toBe(1);
      }
    } finally {
      await app.db.query(
        `DROP TRIGGER lose_first_record ON notification_deliveries; DROP FUNCTION lose_first_record()`,
      );
    }
  });

  it('the reconciler queues again a pending delivery whose job was lost, once', async () => {
    const issue = await fileRouted(app, { severity: 'urgent', title: '任务丢失后由对账补发的问题' });
    const [row] = await settled(issue.id, `n.type = 'escalation' AND n.level = 2 AND d.channel = 'email'`, 3);
    // As if Redis had lost its job before it ran: pending, untried for longer than any retry waits.
    await app.db.query(
      `UPDATE notification_deliveries SET status = 'pending', sent_at = NULL, last_attempt_at = now() - interval '1 hour'
        WHERE id = $1`,
      [row.id],
    );
    const reconciler = app.workerContext.get(Reconciler);
    expect((await reconciler.sweep()).channelDeliveriesRequeued).toBe(1);
    expect((await reconciler.sweep()).channelDeliveriesRequeued).toBe(0);
    await waitFor(
      async () => {
        const { rows } = await app.db.query(`SELECT status FROM notification_deliveries WHERE id = $1`, [row.id]);
        return rows[0].status === 'sent';
      },
      10_000,
      'the requeued delivery sent',
    );
    expect(smtp.mails.filter((mail) => mail.messageId === `<${row.id}@${FROM_DOMAIN}>`)).toHaveLength(2);
  });

  it('measures the time from an urgent escalation to the mail server and the SMS gateway receiving it', async () => {
    // One after another, a quarter second apart: the latency of an escalation, not of a burst of twenty.
    const issues: { id: string }[] = [];
    for (let index = 0; index < 20; index += 1) {
      issues.push(await fileRouted(app, { severity: 'urgent', title: `时延测量问题${index + 1}` }));
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const toMail: number[] = [];
    const toSms: number[] = [];
    // Where the time goes: from the escalation to the sender taking the delivery, and from there to the receiver.
    const toClaim: number[] = [];
    const claimToMail: number[] = [];
    const claimToSms: number[] = [];
    for (const issue of issues) {
      const rows = await settled(issue.id, `n.type = 'escalation' AND n.level = 1 AND n.unit_code = 'xingren-gov'`, 3);
      const { rows: events } = await app.db.query(
        `SELECT occurred_at FROM issue_events
          WHERE issue_id = $1 AND type = 'issue.escalated' AND (data->>'level')::int = 1`,
        [issue.id],
      );
      const escalatedAt = events[0].occurred_at.getTime();
      const { rows: claims } = await app.db.query(
        `SELECT id, last_attempt_at FROM notification_deliveries WHERE id = ANY($1::uuid[])`,
        [rows.map((row) => row.id)],
      );
      const claimedAt = new Map<string, number>(claims.map((claim) => [claim.id, claim.last_attempt_at.getTime()]));
      for (const row of rows) {
        const claimed = claimedAt.get(row.id) as number;
        toClaim.push(claimed - escalatedAt);
        if (row.channel === 'email') {
          const mail = smtp.mails.find((candidate) => candidate.messageId === `<${row.id}@${FROM_DOMAIN}>`);
          toMail.push((mail?.at ?? Infinity) - escalatedAt);
          claimToMail.push((mail?.at ?? Infinity) - claimed);
        } else {
          const text = sms.requests.find((request) => request.headers['x-event-id'] === row.id);
          toSms.push((text?.at ?? Infinity) - escalatedAt);
          claimToSms.push((text?.at ?? Infinity) - claimed);
        }
      }
    }
    console.log(
      `[channels] escalation → SMTP server: median ${median(toMail)} ms, p90 ${percentile(toMail, 90)} ms ` +
        `(n=${toMail.length}); escalation → SMS gateway: median ${median(toSms)} ms, p90 ${percentile(toSms, 90)} ms ` +
        `(n=${toSms.length}); of which escalation → sender's claim: median ${median(toClaim)} ms, ` +
        `claim → SMTP server ${median(claimToMail)} ms, claim → SMS gateway ${median(claimToSms)} ms`,
    );
    expect(toMail).toHaveLength(40);
    expect(toSms).toHaveLength(20);
    expect(median(toMail)).toBeLessThan(2000);
    expect(median(toSms)).toBeLessThan(2000);
  });
});
