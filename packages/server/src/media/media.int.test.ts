import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  as,
  createAnotherWorkspace,
  createChannel,
  createTestApp,
  customerWrites,
  setUpWorkspace,
  type TestApp,
  type TestSession,
  uploadFile,
} from '../testing/index.ts';

let t: TestApp;
let admin: TestSession;
beforeEach(async () => {
  t = await createTestApp({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'charla-media-')) });
  admin = await setUpWorkspace(t.app);
});
afterEach(async () => t.close());

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 7),
]);

const upload = (who: TestSession, bytes: Buffer, fileName: string, query = '') =>
  uploadFile(t.app, who, bytes, fileName, query);

describe('media', () => {
  it('stores an upload typed by its content and serves it only to the workspace', async () => {
    const created = await upload(admin, PNG, 'comprobante.jpg');
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      mimeType: 'image/png',
      size: PNG.length,
      fileName: 'comprobante.jpg',
    });
    const download = await t.app.inject(as(admin, { url: created.json().url }));
    expect(download.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(download.rawPayload, PNG)).toBe(0);
    const other = await createAnotherWorkspace(t.app, t.db);
    expect((await t.app.inject(as(other, { url: created.json().url }))).statusCode).toBe(404);
    expect((await t.app.inject({ url: created.json().url })).statusCode).toBe(401);
  });

  it('checks a file against the channel’s limits before accepting it, naming the reason', async () => {
    const instagram = await createChannel(t.db, admin.me.workspace.id, 'instagram');
    const doc = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(50),
    ]);
    const refused = await upload(admin, doc, 'contrato.doc', `?channelId=${instagram.id}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'MEDIA_NOT_ALLOWED',
      fields: [{ field: 'file', message: 'application/msword files cannot be sent on instagram' }],
    });
    const empty = await upload(admin, Buffer.alloc(0), 'vacio.txt');
    expect(empty.json().error.fields[0]).toEqual({ field: 'file', message: 'is empty' });
  });

  it('sends an uploaded image as a media message with its caption', async () => {
    const channel = await createChannel(t.db, admin.me.workspace.id, 'whatsapp');
    const { conversationId } = await customerWrites(t.db, channel, {
      from: '5215512345678',
      at: t.clock.now(),
    });
    const agent = await addMember(t.app, admin, 'agent');
    const media = (await upload(agent, PNG, 'foto.png')).json();
    const sent = await t.app.inject(
      as(agent, {
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/messages`,
        payload: {
          type: 'media',
          clientId: 'media-000001',
          mediaId: media.id,
          caption: 'Así queda el pedido',
        },
      }),
    );
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({
      kind: 'image',
      text: 'Así queda el pedido',
      attachments: [{ mediaId: media.id, mimeType: 'image/png', url: media.url }],
    });
    await t.deps.worker.drain();
    expect(t.sender.sent[0]?.attachments[0]?.mediaId).toBe(media.id);
    const unknown = await t.app.inject(
      as(agent, {
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/messages`,
        payload: { type: 'media', clientId: 'media-000002', mediaId: 'nope' },
      }),
    );
    expect(unknown.json().error.fields[0].field).toBe('body.mediaId');
  });
});
