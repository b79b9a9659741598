import { afterEach, describe, expect, it } from 'vitest';
import {
  isStatusOf,
  messagingEventsOf,
  pick,
  pickString,
  type SandboxFixture,
  startSandboxFixture,
  statusesOf,
  TOKENS,
} from '../testing/sandbox.fixture.ts';

const PHONE = '106540352242922';
const PAGE = '1122334455667788';
const WABA = '102290129340398';

describe('faults on demand', () => {
  let fixture: SandboxFixture;
  afterEach(() => fixture?.close());

  async function openChat(waId = '5491122223333'): Promise<void> {
    await fixture.inbound({ channel: 'whatsapp', type: 'text', from: waId });
  }
  const sendText = (to = '+5491122223333') =>
    fixture.graph(`/${PHONE}/messages`, {
      json: { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'Hola' } },
    });

  it('answers the next N calls with a 5xx in Meta’s shape, then recovers', async () => {
    fixture = await startSandboxFixture();
    await openChat();
    fixture.sandbox.faults.add({ kind: 'http-error', operation: 'whatsapp.send', status: 503, times: 2 });
    const answers = [await sendText(), await sendText(), await sendText()];
    expect(answers.map((a) => a.status)).toEqual([503, 503, 200]);
    expect(pick(answers[0]?.body, 'error')).toMatchObject({ code: 2, is_transient: true });
    fixture.sandbox.faults.add({ kind: 'http-error', operation: 'whatsapp.*', times: 1 });
    expect(pick((await sendText()).body, 'error', 'code')).toBe(131000);
    fixture.sandbox.faults.add({ kind: 'http-error', status: 502, body: 'html', times: 1 });
    const html = await sendText();
    expect(html.status).toBe(502);
    expect(String(html.body)).toContain('<html>');
    expect(fixture.sandbox.sent.list({ operation: 'whatsapp.send' })).toHaveLength(1);
    expect(fixture.sandbox.faults.list()).toEqual([]);
  });

  it('throttles with the code each product uses, with usage headers where Meta sends them', async () => {
    fixture = await startSandboxFixture();
    await openChat();
    const { customerId } = await fixture.inbound({ channel: 'messenger', type: 'text' });
    fixture.sandbox.faults.add({ kind: 'throttle', times: 4 });
    expect(pick((await sendText()).body, 'error')).toMatchObject({
      code: 130429,
      message: '(#130429) Rate limit hit',
      error_data: {
        messaging_product: 'whatsapp',
        details: 'Cloud API message throughput has been reached.',
      },
    });
    const templates = await fixture.graph(`/${WABA}/message_templates`);
    expect(pick(templates.body, 'error', 'code')).toBe(80007);
    expect(JSON.parse(templates.headers.get('x-business-use-case-usage') ?? '{}')).toMatchObject({
      [WABA]: [{ type: 'whatsapp_business_management', estimated_time_to_regain_access: 1 }],
    });
    const messenger = await fixture.graph(`/${PAGE}/messages`, {
      token: TOKENS.page,
      json: { recipient: { id: customerId }, messaging_type: 'RESPONSE', message: { text: 'Hola' } },
    });
    expect(pick(messenger.body, 'error', 'code')).toBe(613);
    const profile = await fixture.graph(`/${customerId}`, { token: TOKENS.page });
    expect(pick(profile.body, 'error', 'code')).toBe(4);
    expect(profile.headers.get('x-app-usage')).toContain('call_count');
    fixture.sandbox.faults.add({ kind: 'throttle', code: 131056, operation: 'whatsapp.send', times: 1 });
    expect(pick((await sendText()).body, 'error', 'code')).toBe(131056);
  });

  it('fires a rule with probability 1 every time and with probability 0 never', async () => {
    fixture = await startSandboxFixture();
    await openChat();
    const never = fixture.sandbox.faults.add({ kind: 'http-error', probability: 0 });
    for (let i = 0; i < 5; i++) expect((await sendText()).status).toBe(200);
    fixture.sandbox.faults.clear(never.id);
    fixture.sandbox.faults.add({ kind: 'http-error', probability: 1, operation: 'whatsapp.send' });
    for (let i = 0; i < 3; i++) expect((await sendText()).status).toBe(500);
  });

  it('records a send whose answer was dropped and still delivers its statuses', async () => {
    fixture = await startSandboxFixture();
    await openChat();
    fixture.sandbox.faults.add({ kind: 'drop-response', operation: 'whatsapp.send', times: 1 });
    await expect(sendText()).rejects.toThrow();
    const [record] = fixture.sandbox.sent.list({ operation: 'whatsapp.send' });
    expect(record).toMatchObject({ responseDropped: true, recipient: '5491122223333' });
    const statuses = statusesOf(await fixture.receiver.waitFor(3, isStatusOf(record?.id ?? '')));
    expect(statuses.map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
  });

  it('answers slowly by the configured delay', async () => {
    fixture = await startSandboxFixture();
    await openChat();
    fixture.sandbox.faults.add({ kind: 'delay', ms: 60, times: 1 });
    const started = performance.now();
    expect((await sendText()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('answers 131047 or code 10 at once when the window-closed fault hits an open chat', async () => {
    fixture = await startSandboxFixture();
    await openChat();
    const { customerId } = await fixture.inbound({ channel: 'messenger', type: 'text' });
    fixture.sandbox.faults.add({ kind: 'window-closed', times: 2 });
    expect(pick((await sendText()).body, 'error', 'code')).toBe(131047);
    const messenger = await fixture.graph(`/${PAGE}/messages`, {
      token: TOKENS.page,
      json: { recipient: { id: customerId }, messaging_type: 'RESPONSE', message: { text: 'Hola' } },
    });
    expect(pick(messenger.body, 'error')).toMatchObject({ code: 10, error_subcode: 2018278 });
  });

  it('accepts an undeliverable send and then fails it with 131026', async () => {
    fixture = await startSandboxFixture();
    await openChat();
    fixture.sandbox.faults.add({ kind: 'undeliverable', times: 1 });
    const answer = await sendText();
    expect(answer.status).toBe(200);
    const [failed] = statusesOf(
      await fixture.receiver.waitFor(1, isStatusOf(pickString(answer.body, 'messages', 0, 'id'))),
    );
    expect(failed?.raw).toMatchObject({
      status: 'failed',
      errors: [{ code: 131026, error_data: { details: expect.any(String) } }],
    });
  });

  it('sends statuses reversed, duplicated, failed or not at all when told', async () => {
    fixture = await startSandboxFixture();
    await openChat();
    const statusOrder = async (): Promise<string[]> => {
      const answer = await sendText();
      const id = pickString(answer.body, 'messages', 0, 'id');
      await fixture.sandbox.idle();
      return statusesOf(fixture.receiver.received.filter(isStatusOf(id))).map((s) => s.status);
    };
    fixture.sandbox.faults.add({ kind: 'statuses', plan: { mode: 'reversed' }, times: 1 });
    expect(await statusOrder()).toEqual(['read', 'delivered', 'sent']);
    fixture.sandbox.faults.add({
      kind: 'statuses',
      plan: { mode: 'duplicated', stopAfter: 'delivered' },
      times: 1,
    });
    expect(await statusOrder()).toEqual(['sent', 'sent', 'delivered', 'delivered']);
    fixture.sandbox.statuses.set({
      mode: 'failed',
      failure: { code: 131049, details: 'Not delivered to maintain healthy ecosystem engagement.' },
    });
    expect(await statusOrder()).toEqual(['failed']);
    fixture.sandbox.statuses.set({ mode: 'none' });
    expect(await statusOrder()).toEqual([]);
  });

  it('delivers each webhook up to three times with identical signed bytes', async () => {
    fixture = await startSandboxFixture({ webhooks: { copies: { min: 3, max: 3 } } });
    await fixture.inbound({ channel: 'whatsapp', type: 'text', text: 'Hola 👋' });
    const copies = await fixture.receiver.waitFor(3);
    expect(new Set(copies.map((c) => c.raw.toString('base64'))).size).toBe(1);
    expect(copies.every((c) => c.signatureValid)).toBe(true);
  });

  it('shuffles the order in which webhooks arrive', async () => {
    fixture = await startSandboxFixture({ webhooks: { shuffle: true, shuffleWindowMs: 10, concurrency: 1 } });
    const sentOrder: string[] = [];
    for (let i = 0; i < 8; i++) {
      const result = fixture.sandbox.inbound({ channel: 'whatsapp', type: 'text', text: `mensaje ${i}` });
      sentOrder.push(result.messageId ?? '');
    }
    const arrived = (await fixture.receiver.waitFor(8)).map((w) =>
      pickString(w.body, 'entry', 0, 'changes', 0, 'value', 'messages', 0, 'id'),
    );
    expect([...arrived].sort()).toEqual([...sentOrder].sort());
    expect(arrived).not.toEqual(sentOrder);
  });

  it('redelivers a webhook that was not answered with 200', async () => {
    fixture = await startSandboxFixture({}, { respondWith: (_webhook, index) => (index < 2 ? 500 : 200) });
    const result = fixture.sandbox.inbound({ channel: 'messenger', type: 'text' });
    const delivery = await result.delivered;
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, responses: [500, 500, 200] });
    expect(messagingEventsOf(fixture.receiver.received)).toHaveLength(3);
  });
});
