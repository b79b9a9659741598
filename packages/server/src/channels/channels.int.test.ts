import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  as,
  createTestApp,
  customerWrites,
  postMetaWebhook,
  setUpWorkspace,
  type TestApp,
  type TestSession,
  whatsappEnvelope,
} from '../testing/index.ts';

let t: TestApp;
let admin: TestSession;
beforeEach(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://inbox.tienda.mx' });
  admin = await setUpWorkspace(t.app);
});
afterEach(async () => t.close());

const TOKEN = 'EAAGm0PX4ZCpsBAOZBZCsecret-token-1234';
const whatsapp = {
  type: 'whatsapp',
  name: 'Ventas MX',
  phoneNumberId: '106540352242922',
  wabaId: '102290129340398',
  displayPhoneNumber: '+52 55 1234 5678',
  accessToken: TOKEN,
};
const connect = (who: TestSession, payload: Record<string, unknown>) =>
  t.app.inject(as(who, { method: 'POST', url: '/api/v1/channels', payload }));

describe('channel settings', () => {
  it('connects a channel with its token sealed at rest and never returned whole', async () => {
    const created = await connect(admin, { ...whatsapp, appSecret: 'abcdef0123456789abcdef0123456789' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      type: 'whatsapp',
      externalId: '106540352242922',
      accountId: '102290129340398',
      tokenHint: '…1234',
      hasAppSecret: true,
    });
    expect(created.body).not.toContain('secret-token');
    const row = await t.db.kysely.selectFrom('channels').selectAll().executeTakeFirstOrThrow();
    expect(row.access_token_enc).not.toContain('secret-token');
    expect(row.app_secret_enc).not.toContain('abcdef');
    const list = await t.app.inject(as(admin, { url: '/api/v1/channels' }));
    expect(list.body).not.toContain('secret-token');
  });

  it('verifies webhooks for the channel with its own app secret from the moment it is connected', async () => {
    const ownSecret = 'abcdef0123456789abcdef0123456789';
    expect((await connect(admin, { ...whatsapp, appSecret: ownSecret })).statusCode).toBe(201);
    const body = whatsappEnvelope({ external_id: whatsapp.phoneNumberId }, { messages: [] });
    expect((await postMetaWebhook(t.app, body, ownSecret)).statusCode).toBe(200);
    expect((await postMetaWebhook(t.app, body, 'not-the-secret')).statusCode).toBe(401);
  });

  it('names each bad field and refuses a channel connected twice', async () => {
    const bad = await connect(admin, {
      type: 'whatsapp',
      name: '',
      phoneNumberId: 'abc',
      wabaId: '1',
      accessToken: 'short',
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.fields.map((field: { field: string }) => field.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.name', 'body.phoneNumberId', 'body.wabaId', 'body.accessToken']),
    );
    expect((await connect(admin, { type: 'telegram', name: 'x' })).statusCode).toBe(400);
    expect((await connect(admin, whatsapp)).statusCode).toBe(201);
    const twice = await connect(admin, whatsapp);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('CHANNEL_ALREADY_CONNECTED');
  });

  it('lets only admins connect, edit and test channels', async () => {
    const agent = await addMember(t.app, admin, 'agent');
    expect((await connect(agent, whatsapp)).statusCode).toBe(403);
    const channel = (await connect(admin, whatsapp)).json();
    expect(
      (
        await t.app.inject(
          as(agent, { method: 'PATCH', url: `/api/v1/channels/${channel.id}`, payload: { name: 'x' } }),
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject(as(agent, { method: 'POST', url: `/api/v1/channels/${channel.id}/test` })))
        .statusCode,
    ).toBe(403);
    expect((await t.app.inject(as(agent, { url: '/api/v1/channels' }))).json().items).toHaveLength(1);
  });

  it('shows admins the webhook URL and verify token to paste into Meta', async () => {
    const setup = await t.app.inject(as(admin, { url: '/api/v1/channels/webhook-setup' }));
    expect(setup.json()).toEqual({
      webhookUrl: 'https://inbox.tienda.mx/webhooks/meta',
      verifyToken: 'test-verify-token',
    });
  });

  it('disconnects a channel, forgetting its token; sends then fail with a reason; reconnects with a new token', async () => {
    const channel = (await connect(admin, whatsapp)).json();
    const row = await t.db.kysely
      .selectFrom('channels')
      .selectAll()
      .where('id', '=', channel.id)
      .executeTakeFirstOrThrow();
    const { conversationId } = await customerWrites(t.db, row, { from: '5215512345678', at: t.clock.now() });
    const off = await t.app.inject(
      as(admin, { method: 'PATCH', url: `/api/v1/channels/${channel.id}`, payload: { active: false } }),
    );
    expect(off.json()).toMatchObject({ active: false, tokenHint: null });
    const test = await t.app.inject(
      as(admin, { method: 'POST', url: `/api/v1/channels/${channel.id}/test` }),
    );
    expect(test.json()).toEqual({
      ok: false,
      detail: 'The channel is disconnected: it has no access token.',
    });
    const reconnectWithoutToken = await t.app.inject(
      as(admin, { method: 'PATCH', url: `/api/v1/channels/${channel.id}`, payload: { active: true } }),
    );
    expect(reconnectWithoutToken.json().error.fields[0].field).toBe('body.accessToken');
    const on = await t.app.inject(
      as(admin, {
        method: 'PATCH',
        url: `/api/v1/channels/${channel.id}`,
        payload: { active: true, accessToken: 'EAAGnewtokennewtoken9876' },
      }),
    );
    expect(on.json()).toMatchObject({ active: true, tokenHint: '…9876' });
    const thread = await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}/messages` }));
    expect(thread.json().items).toHaveLength(1);
  });
});
