import type { INestApplication } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import { createApiApp } from '../apps/api/src/api-app';
import { EventStreamClient } from './support/event-stream';
import { API, fileRouted, seedReference } from './support/factories';
import { TestApp, waitFor } from './support/test-app';

// GET /api/v1/stream: Server-Sent Events of what the caller may see, fed from committed changes, heard by the
// clients of every API process.

async function listen(app: INestApplication): Promise<number> {
  const server = await app.listen(0, '127.0.0.1');
  return (server.address() as AddressInfo).port;
}

describe('the live stream', () => {
  let app: TestApp;
  let second: INestApplication;
  let port: number;
  let secondPort: number;
  const streams: EventStreamClient[] = [];

  const open = async (username: string, onPort = port) => {
    const stream = await EventStreamClient.open(onPort, await app.token(username));
    streams.push(stream);
    return stream;
  };

  beforeAll(async () => {
    app = await TestApp.start({ env: { STREAM_HEARTBEAT_MS: '200' } });
    await seedReference(app);
    port = await listen(app.api);
    // A second API process on the same database and Redis.
    second = await createApiApp(app.config, { logs: false });
    secondPort = await listen(second);
  });

  afterAll(async () => {
    streams.forEach((stream) => stream.close());
    await second.close();
    await app.close();
  });

  it('sends each caller the events of the issues it may see, and nothing else', async () => {
    const [handler, otherUnit, filer, otherFiler, inspector] = await Promise.all(
      ['xingren-handler', 'xingyi-handler', 'supervisor', 'supervisor2', 'inspector'].map((user) => open(user)),
    );
    expect(handler.status).toBe(200);
    const issue = await fileRouted(app);
    const routed = await handler.waitFor((e) => e.data.id === issue.id && e.data.type === 'issue.routed', 'routed');
    expect(routed).toEqual({
      event: 'issue',
      data: {
        id: issue.id,
        type: 'issue.routed',
        status: 'assigned',
        leadUnit: 'xingren-gov',
        coUnits: [],
        overdue: false,
        escalationLevel: 0,
        version: issue.version,
        occurredAt: expect.any(String),
      },
    });
    await filer.waitFor((e) => e.data.id === issue.id && e.data.type === 'issue.filed', 'the filing, to its filer');
    await inspector.waitFor((e) => e.data.id === issue.id && e.data.type === 'issue.routed', 'routing, to inspectors');
    // The handler did not see it before it was its unit's; other units and other filers see nothing of it.
    expect(handler.events.some((e) => e.data.type === 'issue.filed')).toBe(false);
    const acknowledged = await (await app.as('xingren-handler')).post(`${API}/issues/${issue.id}/acknowledge`);
    await filer.waitFor(
      (e) => e.data.type === 'issue.acknowledged' && e.data.version === acknowledged.body.version,
      'ack',
    );
    expect(otherUnit.events.filter((e) => e.data.id === issue.id)).toEqual([]);
    expect(otherFiler.events.filter((e) => e.data.id === issue.id)).toEqual([]);
  });

  it('sends notifications to the unit they are for, as GET /notifications lists them', async () => {
    const handler = await open('xingren-handler');
    const otherUnit = await open('xingyi-handler');
    const issue = await fileRouted(app);
    await (await app.as('inspector')).post(`${API}/issues/${issue.id}/supervision-notices`, { note: '请加快整改' });
    const { data } = await handler.waitFor((e) => e.event === 'notification' && e.data.issueId === issue.id, 'notice');
    const [listed] = (await (await app.as('xingren-handler')).get(`${API}/notifications?limit=1`)).body.items;
    expect(data).toEqual(listed);
    expect(data).toMatchObject({ type: 'supervision_notice', referenceNo: issue.referenceNo, title: issue.title });
    expect(otherUnit.events.filter((e) => e.event === 'notification')).toEqual([]);
  });

  it('reaches the clients of another API process', async () => {
    const elsewhere = await open('inspector', secondPort);
    const issue = await fileRouted(app); // filed and routed through the first process and the worker
    await elsewhere.waitFor((e) => e.data.id === issue.id && e.data.type === 'issue.routed', 'the other process');
  });

  it('keeps the connection open with a comment line', async () => {
    const stream = await open('supervisor');
    await waitFor(async () => stream.comments.includes('keep-alive'), 5000, 'a keep-alive comment');
  });

  it('refuses a request without a token, and ends the stream of a user who is retired', async () => {
    const anonymous = await EventStreamClient.open(port, 'not-a-token');
    expect(anonymous.status).toBe(401);
    await (
      await app.as('admin')
    ).post(`${API}/users`, {
      username: 'leaving-handler',
      password: 'test-password',
      displayName: '即将离职',
      role: 'handler',
      unit: 'xingren-gov',
    });
    const leaving = await open('leaving-handler');
    expect(leaving.status).toBe(200);
    const retired = await (await app.as('admin')).patch(`${API}/users/leaving-handler`, { active: false });
    expect(retired.status).toBe(200);
    await waitFor(async () => leaving.ended, 5000, 'the stream to end');
    const again = await EventStreamClient.open(port, await app.token('leaving-handler'));
    expect(again.status).toBe(401);
  });
});
