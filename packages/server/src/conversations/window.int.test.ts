import type { ChannelType } from '@charla/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  as,
  createChannel,
  createTemplate,
  createTestApp,
  customerWrites,
  setUpWorkspace,
  type TestApp,
  type TestSession,
} from '../testing/index.ts';

let t: TestApp;
let admin: TestSession;
beforeEach(async () => {
  t = await createTestApp();
  admin = await setUpWorkspace(t.app);
});
afterEach(async () => t.close());

const HOUR = 3_600_000;

async function conversationOn(type: ChannelType, hoursSinceCustomerWrote: number) {
  const channel = await createChannel(t.db, admin.me.workspace.id, type);
  if (type === 'whatsapp')
    await createTemplate(t.db, channel, {
      name: 'seguimiento',
      language: 'es_MX',
      body: 'Hola {{1}}, ¿seguimos?',
    });
  const { conversationId } = await customerWrites(t.db, channel, {
    from: type === 'whatsapp' ? '5215512340000' : 'psid-1',
    at: t.clock.now() - hoursSinceCustomerWrote * HOUR,
  });
  return conversationId;
}

let n = 0;
const send = (conversationId: string, payload: Record<string, unknown>) => {
  n += 1;
  return t.app.inject(
    as(admin, {
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/messages`,
      payload: { clientId: `window-${n}-abc`, ...payload },
    }),
  );
};

describe('the 24-hour window on the server', () => {
  it('takes WhatsApp free text inside 24 h and refuses it after, while templates and notes still go', async () => {
    expect(
      (await send(await conversationOn('whatsapp', 23), { type: 'text', text: 'hola' })).statusCode,
    ).toBe(201);
    const closed = await conversationOn('whatsapp', 25);
    const refused = await send(closed, { type: 'text', text: 'hola' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('WINDOW_CLOSED');
    expect(
      (
        await send(closed, {
          type: 'template',
          templateName: 'seguimiento',
          language: 'es_MX',
          parameters: ['Ana'],
        })
      ).statusCode,
    ).toBe(201);
    expect((await send(closed, { type: 'note', text: 'Llamar mañana' })).statusCode).toBe(201);
  });

  it('lets Messenger and Instagram reply up to 7 days, then locks, and never sends templates there', async () => {
    for (const type of ['messenger', 'instagram'] as const) {
      expect(
        (await send(await conversationOn(type, 72), { type: 'text', text: 'seguimos' })).statusCode,
      ).toBe(201);
      const late = await send(await conversationOn(type, 8 * 24), { type: 'text', text: 'hola' });
      expect(late.json().error.code).toBe('HUMAN_AGENT_WINDOW_CLOSED');
      const template = await send(await conversationOn(type, 1), {
        type: 'template',
        templateName: 'x',
        language: 'es',
      });
      expect(template.json().error.code).toBe('TEMPLATES_ONLY_ON_WHATSAPP');
    }
  });
});
