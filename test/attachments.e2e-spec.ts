import { createHash } from 'node:crypto';
import { API, fileRouted, issueBody, seedReference } from './support/factories';
import { gpsBytes, jpeg } from './support/jpeg';
import { TestApp } from './support/test-app';

// POST /attachments and GET /attachments/:id: evidence files, known by their bytes, stripped of the camera's
// position, readable by their uploader and by whoever may see an issue that cites them.

describe('attachments', () => {
  let app: TestApp;
  const gps = { lat: 25.43, lng: 105.18 };

  beforeAll(async () => {
    app = await TestApp.start();
    await seedReference(app);
  });

  afterAll(() => app.close());

  async function upload(username: string, content: Buffer, filename = '现场照片.jpg') {
    return app.http
      .post(`${API}/attachments`)
      .set('Authorization', `Bearer ${await app.token(username)}`)
      .attach('file', content, filename);
  }

  const download = async (username: string, id: string) =>
    (await app.as(username)).get(`${API}/attachments/${id}`).buffer(true);

  it('takes a photo, strips its location, and describes the stored bytes', async () => {
    const photo = jpeg({ gps, orientation: 6 });
    const response = await upload('supervisor', photo);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      filename: '现场照片.jpg',
      contentType: 'image/jpeg',
      size: expect.any(Number),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      uri: `/api/v1/attachments/${response.body.id}`,
    });
    const stored = await download('supervisor', response.body.id);
    expect(stored.status).toBe(200);
    expect(stored.headers['content-type']).toBe('image/jpeg');
    expect(stored.headers['content-disposition']).toBe(
      `inline; filename="____.jpg"; filename*=UTF-8''${encodeURIComponent('现场照片.jpg')}`,
    );
    const bytes = stored.body as Buffer;
    expect(bytes.length).toBe(response.body.size);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(response.body.sha256);
    expect(bytes.includes(gpsBytes({ gps }))).toBe(false);
    expect(photo.includes(gpsBytes({ gps }))).toBe(true);
  });

  it('knows a type by its bytes: a script named .jpg is 415, a PDF named .txt is a PDF', async () => {
    const script = await upload('supervisor', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'photo.jpg');
    expect(script.status).toBe(415);
    expect(script.body.message).toMatch(/^file: /);
    const pdf = await upload('xingren-handler', Buffer.from('%PDF-1.4\n%%EOF\n'), 'a.txt');
    expect(pdf.status).toBe(201);
    expect(pdf.body.contentType).toBe('application/pdf');
  });

  it('refuses what is too large, what is not a file, and admins', async () => {
    const big = await upload('supervisor', Buffer.concat([jpeg(), Buffer.alloc(20 * 1024 * 1024)]));
    expect(big.status).toBe(413);
    expect(big.body.message).toMatch(/^file: /);
    const json = await (await app.as('supervisor')).post(`${API}/attachments`, { file: 'x' });
    expect(json.status).toBe(400);
    expect(json.body.message).toMatch(/^file: /);
    const noPart = await app.http
      .post(`${API}/attachments`)
      .set('Authorization', `Bearer ${await app.token('supervisor')}`)
      .field('other', 'x');
    expect(noPart.status).toBe(400);
    expect((await upload('admin', jpeg())).status).toBe(403);
  });

  it('is read by its uploader and by those who may see an issue citing it, and by nobody else', async () => {
    const { body: photo } = await upload('supervisor', jpeg(), 'road.jpg');
    expect((await download('supervisor2', photo.id)).status).toBe(404);
    expect((await download('xingren-handler', photo.id)).status).toBe(404);
    const issue = await fileRouted(app, {
      evidence: [{ type: 'photo', attachmentId: photo.id, description: '塌方处' }],
    });
    expect(issue.evidence).toEqual([
      {
        type: 'photo',
        attachmentId: photo.id,
        description: '塌方处',
        uri: photo.uri,
        filename: 'road.jpg',
        contentType: 'image/jpeg',
        size: photo.size,
      },
    ]);
    expect((await download('xingren-handler', photo.id)).status).toBe(200);
    expect((await download('inspector', photo.id)).status).toBe(200);
    expect((await download('xingyi-handler', photo.id)).status).toBe(404);
    expect((await download('supervisor2', photo.id)).status).toBe(404);
    expect((await download('supervisor', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await download('supervisor', 'nope')).status).toBe(400);
  });

  it('evidence citing an unknown file, or another person’s unattached one, is a 400 naming the item', async () => {
    const supervisor = await app.as('supervisor');
    const unknown = await supervisor.post(
      `${API}/issues`,
      issueBody({
        evidence: [{ type: 'note' }, { type: 'photo', attachmentId: '00000000-0000-4000-8000-000000000000' }],
      }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/^evidence\[1\]\.attachmentId: /);
    const { body: theirs } = await upload('supervisor2', jpeg());
    const foreign = await supervisor.post(
      `${API}/issues`,
      issueBody({ evidence: [{ type: 'photo', attachmentId: theirs.id }] }),
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.message).toMatch(/^evidence\[0\]\.attachmentId: /);
    const malformed = await supervisor.post(
      `${API}/issues`,
      issueBody({ evidence: [{ type: 'photo', attachmentId: 'x' }] }),
    );
    expect(malformed.status).toBe(400);
  });

  it('a rectification cites the handler’s files; the filer may then read them', async () => {
    const issue = await fileRouted(app);
    const handler = await app.as('xingren-handler');
    expect((await handler.post(`${API}/issues/${issue.id}/acknowledge`)).status).toBe(200);
    const { body: report } = await upload(
      'xingren-handler',
      Buffer.from('%PDF-1.4\n整改报告\n%%EOF\n'),
      '整改报告.pdf',
    );
    const rectified = await handler.post(`${API}/issues/${issue.id}/rectification`, {
      summary: '道路已修复',
      evidence: [{ type: 'document', attachmentId: report.id }],
    });
    expect(rectified.status).toBe(200);
    const timeline = (await (await app.as('supervisor')).get(`${API}/issues/${issue.id}/timeline`)).body.items;
    const submitted = timeline.find((event: { type: string }) => event.type === 'issue.rectification_submitted');
    expect(submitted.data.evidence).toEqual([
      expect.objectContaining({ attachmentId: report.id, filename: '整改报告.pdf', contentType: 'application/pdf' }),
    ]);
    expect((await download('supervisor', report.id)).status).toBe(200);
    expect((await download('supervisor2', report.id)).status).toBe(404);
  });
});
