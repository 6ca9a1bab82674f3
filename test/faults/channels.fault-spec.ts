import { API } from '../support/factories';
import { SmsGateway } from '../support/sms-gateway';
import { SmtpSink } from '../support/smtp-sink';
import { waitFor } from '../support/test-app';
import { FaultEnv } from './support/fault-env';

// A worker SIGKILLed while it sends mail and SMS: the mail server and the gateway have the message, the worker
// never heard their answer and never recorded it. Run: `npm run test:faults -- channels`.

const SECRET = 'sms-gateway-secret-for-faults';

describe('faults: a worker killed mid-send', () => {
  let env: FaultEnv;
  const smtp = new SmtpSink();
  const sms = new SmsGateway();

  beforeAll(async () => {
    await smtp.listen();
    await sms.listen();
    env = await FaultEnv.start();
    const admin = await env.app.as('admin');
    const contact = await admin.patch(`${API}/users/xingren-handler`, {
      email: 'handler@xingren.test',
      phone: '13800000001',
    });
    expect(contact.status).toBe(200);
    await env.fastPolicy(1, 2);
  });

  afterAll(async () => {
    await env?.close();
    await smtp.close();
    await sms.close();
  });

  it('every delivery is sent again under its own key and recorded sent once', async () => {
    const channels = {
      SMTP_URL: smtp.url,
      MAIL_FROM: '问题直办 <noreply@dh.test>',
      SMS_GATEWAY_URL: sms.url,
      SMS_GATEWAY_SECRET: SECRET,
      CHANNEL_TIMEOUT_MS: '1000',
      CHANNEL_RETRY_BASE_MS: '100',
      CHANNEL_RETRY_MAX_MS: '400',
    };
    const worker = await env.startWorker(channels);
    // The mail server and the gateway take what they are sent and answer nothing.
    smtp.mode = 'swallow';
    sms.answer = () => 0;
    const filed = await env.fileIssues(1, { overrides: () => ({ severity: 'urgent', regionCode: '522302' }) });
    const [issueId] = filed.accepted;
    // Mid-send: the mail server has a mail it has not answered, the gateway has a text.
    await waitFor(
      async () => smtp.mails.length > 0 && sms.requests.length > 0,
      15_000,
      'a mail and a text on the wire',
    );
    await worker.crash();
    smtp.mode = 'accept';
    sms.answer = () => 200;
    const before = await env.db.query(
      `SELECT d.id, d.channel, d.status FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE n.issue_id = $1`,
      [issueId],
    );
    const unrecorded = before.rows.filter((row) => row.status === 'pending').map((row) => row.id);
    const onTheWire = [
      ...smtp.mails.map((mail) => mail.headers['x-event-id']),
      ...sms.requests.map((request) => request.headers['x-event-id'] as string),
    ];
    expect(unrecorded).toEqual(expect.arrayContaining(onTheWire));

    await env.startWorker(channels);
    // Every step has fired and every delivery is sent, each once in PostgreSQL.
    const rows = await waitFor(
      async () => {
        const { rows } = await env.db.query(
          `SELECT d.id, d.channel, d.status, d.attempts, n.type FROM notification_deliveries d
             JOIN notifications n ON n.id = d.notification_id WHERE n.issue_id = $1`,
          [issueId],
        );
        const escalated = rows.some((row) => row.type === 'escalation');
        return escalated && rows.every((row) => row.status === 'sent') ? rows : undefined;
      },
      90_000,
      'every delivery sent after the restart',
    );
    for (const row of rows) {
      const keys =
        row.channel === 'email'
          ? smtp.mails.filter((mail) => mail.messageId === `<${row.id}@dh.test>`)
          : sms.requests.filter((request) => request.headers['x-event-id'] === row.id);
      expect(keys.length).toBeGreaterThanOrEqual(1);
      // What the dead worker had on the wire went out again, under the same key.
      if (onTheWire.includes(row.id)) expect(keys.length).toBe(2);
      else expect(keys.length).toBe(1);
    }
    const copies = smtp.mails.length + sms.requests.length;
    const keys = new Set([
      ...smtp.mails.map((mail) => mail.messageId),
      ...sms.requests.map((request) => request.headers['x-event-id'] as string),
    ]);
    expect(keys.size).toBe(rows.length);
    console.log(
      `[fault] channels: ${rows.length} deliveries, ${copies} copies on the wire after a kill mid-send, ` +
        `${keys.size} distinct keys; ${unrecorded.length} were unrecorded at the kill`,
    );
  });
});
