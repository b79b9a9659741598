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
    from: '5491155557777',
    text: '¿Tienen envío a Rosario?',
  }));
});
afterEach(async () => t.close());

const sendText = async (clientId: string) =>
  (
    await t.app.inject(
      as(admin, {
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/messages`,
        payload: { type: 'text', clientId, text: 'Sí, enviamos a todo el país' },
      }),
    )
  ).json();

const retry = (messageId: string) =>
  t.app.inject(
    as(admin, { method: 'POST', url: `/api/v1/conversations/${conversationId}/messages/${messageId}/retry` }),
  );

async function failedMessage(clientId: string) {
  t.sender.failNext(new SendFailure('131000', 'Something went wrong at Meta', false));
  const message = await sendText(clientId);
  await t.deps.worker.drain();
  return message.id as string;
}

describe('retrying a failed send', () => {
  it('queues the failed message again and delivers it, keeping one message in the thread', async () => {
    const messageId = await failedMessage('retry-0001');
    const response = await retry(messageId);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: messageId,
      delivery: { state: 'queued', errorCode: null, errorReason: null },
    });
    expect(await t.deps.worker.drain()).toBe(1);
    expect(t.sender.sent).toHaveLength(1);
    const thread = (
      await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}/messages` }))
    ).json().items;
    const copies = thread.filter((message: { clientId: string | null }) => message.clientId === 'retry-0001');
    expect(copies).toHaveLength(1);
    expect(copies[0].delivery.state).toBe('sent');
  });

  it('sends once when the retry is clicked twice', async () => {
    const messageId = await failedMessage('retry-0002');
    const [first, second] = [await retry(messageId), await retry(messageId)];
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    await t.deps.worker.drain();
    expect(t.sender.sent).toHaveLength(1);
  });

  it('leaves a message that did not fail alone', async () => {
    const message = await sendText('retry-0003');
    await t.deps.worker.drain();
    const response = await retry(message.id);
    expect(response.json().delivery.state).toBe('sent');
    expect(await t.deps.worker.drain()).toBe(0);
    expect(t.sender.sent).toHaveLength(1);
  });

  it('refuses to retry toward a blocked customer, and names a message that is not ours', async () => {
    const messageId = await failedMessage('retry-0004');
    await t.app.inject(
      as(admin, {
        method: 'PUT',
        url: `/api/v1/conversations/${conversationId}/blocked`,
        payload: { blocked: true },
      }),
    );
    expect((await retry(messageId)).json().error.code).toBe('CUSTOMER_BLOCKED');
    const thread = (
      await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}/messages` }))
    ).json().items;
    const inbound = thread.find((message: { direction: string }) => message.direction === 'inbound');
    expect((await retry(inbound.id)).json().error.fields[0].field).toBe('params.messageId');
    expect((await retry('0190aaaa-0000-7000-8000-000000000000')).json().error.code).toBe('MESSAGE_NOT_FOUND');
  });
});
