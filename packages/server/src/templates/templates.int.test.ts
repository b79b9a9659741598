import { type MetaSandbox, startMetaSandbox, TEMPLATES } from '@charla/meta-sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  as,
  createTestApp,
  customerWrites,
  setUpWorkspace,
  type TestApp,
  type TestSession,
} from '../testing/index.ts';

let sandbox: MetaSandbox;
let t: TestApp;
let admin: TestSession;
let channelId: string;

beforeEach(async () => {
  sandbox = await startMetaSandbox({
    port: 0,
    host: '127.0.0.1',
    webhookUrl: null,
    appSecret: 'sandbox-app-secret',
  });
  t = await createTestApp({ META_GRAPH_URL: sandbox.graphUrl }, { sender: 'graph' });
  admin = await setUpWorkspace(t.app);
  const created = await t.app.inject(
    as(admin, {
      method: 'POST',
      url: '/api/v1/channels',
      payload: {
        type: 'whatsapp',
        name: 'Ventas',
        phoneNumberId: '106540352242922',
        wabaId: '102290129340398',
        accessToken: 'sandbox-whatsapp-token',
      },
    }),
  );
  channelId = created.json().id;
});
afterEach(async () => {
  await t.close();
  await sandbox.close();
});

const sync = () =>
  t.app.inject(as(admin, { method: 'POST', url: `/api/v1/channels/${channelId}/templates/sync` }));

describe('WhatsApp templates', () => {
  it('syncs every template of the Business Account, across pages, with its variables', async () => {
    const synced = await sync();
    expect(synced.statusCode).toBe(200);
    const items = synced.json().items;
    expect(items).toHaveLength(TEMPLATES.length);
    const spanish = items.find(
      (item: { name: string; language: string }) =>
        item.name === 'actualizacion_pedido' && item.language === 'es_MX',
    );
    const source = TEMPLATES.find(
      (template) => template.name === 'actualizacion_pedido' && template.language === 'es_MX',
    );
    const sourceBody = source?.components.find((component) => component.type === 'BODY');
    const bodyText = sourceBody && 'text' in sourceBody ? sourceBody.text : '';
    const placeholders = [...new Set([...bodyText.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]))];
    expect(placeholders.length).toBeGreaterThan(0);
    expect(spanish).toMatchObject({
      status: 'APPROVED',
      header: { format: 'IMAGE' },
      variables: placeholders,
    });
    const listed = await t.app.inject(as(admin, { url: `/api/v1/channels/${channelId}/templates` }));
    expect(listed.json().items).toHaveLength(items.length);
    expect((await sync()).json().items).toHaveLength(items.length);
  });

  it('sends a template with its variables filled, and refuses a wrong count or an unapproved one', async () => {
    await sync();
    const row = await t.db.kysely
      .selectFrom('channels')
      .selectAll()
      .where('id', '=', channelId)
      .executeTakeFirstOrThrow();
    const { conversationId } = await customerWrites(t.db, row, {
      from: '5215512345678',
      at: t.clock.now() - 30 * 3_600_000,
    });
    const templates = (
      await t.app.inject(as(admin, { url: `/api/v1/channels/${channelId}/templates` }))
    ).json().items;
    const approved = templates.find(
      (item: { status: string; variables: string[]; header: unknown }) =>
        item.status === 'APPROVED' && item.variables.length > 0 && item.header === null,
    );
    const send = (clientId: string, payload: Record<string, unknown>) =>
      t.app.inject(
        as(admin, {
          method: 'POST',
          url: `/api/v1/conversations/${conversationId}/messages`,
          payload: { type: 'template', clientId, ...payload },
        }),
      );

    const wrongCount = await send('tpl-000001', {
      templateName: approved.name,
      language: approved.language,
      parameters: [],
    });
    expect(wrongCount.json().error.fields[0].field).toBe('body.parameters');
    const pending = templates.find((item: { status: string }) => item.status !== 'APPROVED');
    const notApproved = await send('tpl-000002', {
      templateName: pending.name,
      language: pending.language,
      parameters: [],
    });
    expect(notApproved.json().error.code).toBe('TEMPLATE_NOT_APPROVED');

    const values = approved.variables.map((_: string, index: number) => `valor ${index + 1}`);
    const sent = await send('tpl-000003', {
      templateName: approved.name,
      language: approved.language,
      parameters: values,
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json().text).toContain('valor 1');
    await t.deps.worker.drain();
    const thread = (
      await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}/messages` }))
    ).json().items;
    expect(thread.at(-1).delivery.state).toBe('sent');
  });
});
