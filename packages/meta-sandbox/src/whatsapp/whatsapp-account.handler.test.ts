import { afterEach, describe, expect, it } from 'vitest';
import { pick, pickString, type SandboxFixture, startSandboxFixture } from '../testing/sandbox.fixture.ts';

const PHONE = '106540352242922';
const WABA = '102290129340398';

describe('WhatsApp account endpoints', () => {
  let fixture: SandboxFixture;
  afterEach(() => fixture?.close());

  it('lists Spanish and English templates with body variables and media headers, page by page', async () => {
    fixture = await startSandboxFixture();
    const all = await fixture.graph(`/${WABA}/message_templates?limit=100`);
    expect(all.status).toBe(200);
    const data = pick(all.body, 'data');
    expect(Array.isArray(data) && data.length).toBeGreaterThanOrEqual(8);
    expect(data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'actualizacion_pedido',
          language: 'es_MX',
          status: 'APPROVED',
          components: expect.arrayContaining([
            expect.objectContaining({ type: 'HEADER', format: 'IMAGE' }),
            expect.objectContaining({ type: 'BODY', text: expect.stringContaining('{{1}}') }),
          ]),
        }),
        expect.objectContaining({ name: 'order_update', language: 'en_US', category: 'UTILITY' }),
        expect.objectContaining({ name: 'promo_verano', category: 'MARKETING' }),
      ]),
    );
    const first = await fixture.graph(`/${WABA}/message_templates?limit=3`);
    const next = pickString(first.body, 'paging', 'next');
    const second = await fixture.graph(next);
    expect(pick(second.body, 'data', 0, 'name')).not.toBe(pick(first.body, 'data', 0, 'name'));
    const approvedSpanish = await fixture.graph(`/${WABA}/message_templates?status=APPROVED&language=es`);
    expect(pick(approvedSpanish.body, 'data')).toEqual([
      expect.objectContaining({ name: 'bienvenida' }),
      expect.objectContaining({ name: 'promo_verano' }),
      expect.objectContaining({ name: 'codigo_verificacion' }),
    ]);
  });

  it('describes the phone number for a connection test, honouring ?fields=', async () => {
    fixture = await startSandboxFixture();
    const full = await fixture.graph(`/${PHONE}`);
    expect(full.body).toMatchObject({
      id: PHONE,
      display_phone_number: '+1 555-078-3881',
      verified_name: 'Charla Demo',
      quality_rating: 'GREEN',
    });
    const some = await fixture.graph(`/${PHONE}?fields=verified_name,quality_rating`);
    expect(some.body).toEqual({ verified_name: 'Charla Demo', quality_rating: 'GREEN', id: PHONE });
  });

  it('subscribes the app to the WABA and reports the subscription', async () => {
    fixture = await startSandboxFixture();
    expect((await fixture.graph(`/${WABA}/subscribed_apps`)).body).toEqual({ data: [] });
    expect((await fixture.graph(`/${WABA}/subscribed_apps`, { method: 'POST' })).body).toEqual({
      success: true,
    });
    expect(
      pick(
        (await fixture.graph(`/${WABA}/subscribed_apps`)).body,
        'data',
        0,
        'whatsapp_business_api_data',
        'name',
      ),
    ).toBe('Charla');
  });

  it('blocks a user so later sends to them fail, and unblocks them again', async () => {
    fixture = await startSandboxFixture();
    await fixture.inbound({ channel: 'whatsapp', type: 'text', from: '56987654321' });
    const block = await fixture.graph(`/${PHONE}/block_users`, {
      json: { messaging_product: 'whatsapp', block_users: [{ user: '+56987654321' }] },
    });
    expect(block.body).toEqual({
      messaging_product: 'whatsapp',
      block_users: { added_users: [{ input: '+56987654321', wa_id: '56987654321' }] },
    });
    const send = () =>
      fixture.graph(`/${PHONE}/messages`, {
        json: { messaging_product: 'whatsapp', to: '+56987654321', type: 'text', text: { body: 'Hola' } },
      });
    expect(pick((await send()).body, 'error', 'code')).toBe(130403);
    await fixture.graph(`/${PHONE}/block_users`, {
      method: 'DELETE',
      json: { messaging_product: 'whatsapp', block_users: [{ user: '+56987654321' }] },
    });
    expect((await send()).status).toBe(200);
  });
});
