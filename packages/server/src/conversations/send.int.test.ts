import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  as,
  SendFailure,
  startWithOneConversation,
  type TestApp,
  type TestSession,
} from '../testing/index.ts';

let t: TestApp;
let admin: TestSession;
let conversationId: string;
beforeEach(async () => {
  ({ t, admin, conversationId } = await startWithOneConversation({
    from: '5491155554444',
    text: '¿Precio del plan anual?',
  }));
});
afterEach(async () => t.close());

const send = (payload: Record<string, unknown>) =>
  t.app.inject(
    as(admin, { method: 'POST', url: `/api/v1/conversations/${conversationId}/messages`, payload }),
  );

async function thread() {
  return (await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}/messages` }))).json()
    .items;
}

describe('sending', () => {
  it('queues the message, then the worker delivers it and it shows as sent', async () => {
    const created = await send({
      type: 'text',
      clientId: 'msg-000001',
      text: 'El plan anual cuesta $1,200 MXN.',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      direction: 'outbound',
      delivery: { state: 'queued' },
      author: { type: 'member' },
    });
    expect(await t.deps.worker.drain()).toBe(1);
    expect(t.sender.sent).toHaveLength(1);
    expect(t.sender.sent[0]).toMatchObject({
      recipientId: '5491155554444',
      text: 'El plan anual cuesta $1,200 MXN.',
    });
    const message = (await thread()).at(-1);
    expect(message.delivery).toEqual({ state: 'sent', errorCode: null, errorReason: null });
    const row = (await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}` }))).json();
    expect(row.lastMessage).toMatchObject({ direction: 'outbound', deliveryState: 'sent' });
  });

  it('gives the same message for the same client id, even when both requests race', async () => {
    const payload = { type: 'text', clientId: 'double-click-1', text: 'Gracias por escribir' };
    const [first, second] = await Promise.all([send(payload), send(payload)]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 201]);
    expect(first.json().id).toBe(second.json().id);
    const third = await send(payload);
    expect(third.statusCode).toBe(200);
    expect(third.json().id).toBe(first.json().id);
    await t.deps.worker.drain();
    expect(t.sender.sent).toHaveLength(1);
    expect(
      (await thread()).filter(
        (message: { clientId: string | null }) => message.clientId === 'double-click-1',
      ),
    ).toHaveLength(1);
  });

  it('retries a throttled send and delivers it once', async () => {
    t.sender.failNext(new SendFailure('130429', 'Rate limit hit', true, 2_000));
    await send({ type: 'text', clientId: 'throttled-1', text: 'Hola' });
    await t.deps.worker.drain();
    expect((await thread()).at(-1).delivery.state).toBe('queued');
    t.clock.advance(60_000);
    await t.deps.worker.drain();
    expect(t.sender.sent).toHaveLength(1);
    expect((await thread()).at(-1).delivery.state).toBe('sent');
  });

  it('marks a permanently refused send failed with its code and reason', async () => {
    t.sender.failNext(
      new SendFailure('131026', 'Message undeliverable: the number is not on WhatsApp', false),
    );
    await send({ type: 'text', clientId: 'undeliverable-1', text: 'Hola' });
    await t.deps.worker.drain();
    expect((await thread()).at(-1).delivery).toEqual({
      state: 'failed',
      errorCode: '131026',
      errorReason: 'Message undeliverable: the number is not on WhatsApp',
    });
  });

  it('adds a note that is never sent to the customer', async () => {
    const note = await send({ type: 'note', clientId: 'note-000001', text: 'Cliente VIP, ofrecer 10 %' });
    expect(note.json()).toMatchObject({
      kind: 'note',
      direction: 'internal',
      text: 'Cliente VIP, ofrecer 10 %',
    });
    expect(await t.deps.worker.drain()).toBe(0);
    expect(t.sender.sent).toHaveLength(0);
  });

  it('quotes the message it replies to', async () => {
    const inbound = (await thread()).find(
      (message: { direction: string }) => message.direction === 'inbound',
    );
    const reply = await send({
      type: 'text',
      clientId: 'quote-00001',
      text: 'Te paso el precio',
      replyToMessageId: inbound.id,
    });
    expect(reply.json().replyTo).toEqual({ messageId: inbound.id, preview: '¿Precio del plan anual?' });
    const bad = await send({ type: 'text', clientId: 'quote-00002', text: 'x', replyToMessageId: 'nope' });
    expect(bad.json().error.fields[0].field).toBe('body.replyToMessageId');
  });

  it('refuses sending to a blocked customer, and bad input with the field named', async () => {
    await t.app.inject(
      as(admin, {
        method: 'PUT',
        url: `/api/v1/conversations/${conversationId}/blocked`,
        payload: { blocked: true },
      }),
    );
    expect((await send({ type: 'text', clientId: 'blocked-001', text: 'hola' })).json().error.code).toBe(
      'CUSTOMER_BLOCKED',
    );
    const empty = await send({ type: 'text', clientId: 'empty-00001', text: '   ' });
    expect(empty.json().error.fields[0]).toMatchObject({ field: 'body.text' });
    const noClientId = await send({ type: 'text', text: 'hola' });
    expect(noClientId.json().error.fields[0].field).toBe('body.clientId');
  });
});
