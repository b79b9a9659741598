import { afterEach, describe, expect, it } from 'vitest';
import {
  parsed,
  pick,
  type SandboxFixture,
  startSandboxFixture,
  TOKENS,
} from '../testing/sandbox.fixture.ts';

const PAGE = '1122334455667788';
const IG = '17841400000000001';

describe('comments', () => {
  let fixture: SandboxFixture;
  afterEach(() => fixture?.close());

  it('replies to a Facebook comment, announces the Page’s own reply, hides and deletes the comment', async () => {
    fixture = await startSandboxFixture();
    const { commentId } = await fixture.inbound({
      channel: 'messenger',
      type: 'comment',
      text: '¿Precio? 🙏',
      name: 'Rocío Peña',
    });
    const [comment] = await fixture.receiver.waitFor(1);
    expect(pick(comment?.body, 'entry', 0, 'changes', 0)).toMatchObject({
      field: 'feed',
      value: {
        item: 'comment',
        verb: 'add',
        comment_id: commentId,
        message: '¿Precio? 🙏',
        from: { name: 'Rocío Peña' },
      },
    });
    const reply = await fixture.graph(`/${commentId}/comments`, {
      token: TOKENS.page,
      json: { message: '¡Te escribimos por DM!' },
    });
    expect(reply.body).toEqual({ id: expect.stringMatching(/^\d+_\d+$/) });
    const webhooks = await fixture.receiver.waitFor(2);
    webhooks.forEach(parsed);
    expect(pick(webhooks[1]?.body, 'entry', 0, 'changes', 0, 'value')).toMatchObject({
      verb: 'add',
      from: { id: PAGE },
      parent_id: commentId,
      message: '¡Te escribimos por DM!',
    });
    expect(
      (await fixture.graph(`/${commentId}`, { token: TOKENS.page, json: { is_hidden: true } })).body,
    ).toEqual({ success: true });
    expect(pick((await fixture.graph(`/${commentId}`, { token: TOKENS.page })).body, 'is_hidden')).toBe(true);
    expect((await fixture.graph(`/${commentId}`, { token: TOKENS.page, method: 'DELETE' })).body).toEqual({
      success: true,
    });
    const removed = await fixture.receiver.waitFor(3);
    expect(pick(removed[2]?.body, 'entry', 0, 'changes', 0, 'value', 'verb')).toBe('remove');
    expect(fixture.sandbox.sent.list().map((s) => s.operation)).toEqual([
      'comment.reply',
      'comment.hide',
      'comment.delete',
    ]);
  });

  it('replies to an Instagram comment through /replies and refuses /comments on it', async () => {
    fixture = await startSandboxFixture();
    const { commentId } = await fixture.inbound({
      channel: 'instagram',
      type: 'comment',
      text: 'Love this! 😍',
    });
    const reply = await fixture.graph(
      `/${commentId}/replies?message=${encodeURIComponent('Thank you! 💜')}`,
      {
        token: TOKENS.instagram,
        method: 'POST',
      },
    );
    expect(reply.body).toEqual({ id: expect.stringMatching(/^\d+$/) });
    const webhooks = await fixture.receiver.waitFor(2);
    expect(pick(webhooks[1]?.body, 'entry', 0, 'changes', 0, 'value')).toMatchObject({
      from: { id: IG },
      parent_id: commentId,
      text: 'Thank you! 💜',
    });
    const wrongEdge = await fixture.graph(`/${commentId}/comments`, {
      token: TOKENS.instagram,
      json: { message: 'x' },
    });
    expect(pick(wrongEdge.body, 'error', 'code')).toBe(2500);
    expect(
      (await fixture.graph(`/${commentId}?hide=true`, { token: TOKENS.instagram, method: 'POST' })).body,
    ).toEqual({
      success: true,
    });
  });

  it('allows exactly one private reply per comment and opens a conversation with the commenter', async () => {
    fixture = await startSandboxFixture();
    const { commentId, customerId } = await fixture.inbound({
      channel: 'messenger',
      type: 'comment',
      text: 'Info por DM porfa',
    });
    const send = () =>
      fixture.graph(`/${PAGE}/messages`, {
        token: TOKENS.page,
        json: {
          recipient: { comment_id: commentId },
          message: { text: 'Hola, te paso la lista de precios.' },
        },
      });
    const first = await send();
    expect(first.body).toEqual({ recipient_id: customerId, message_id: expect.stringMatching(/^m_/) });
    const second = await send();
    expect(pick(second.body, 'error', 'code')).toBe(10);
    expect(fixture.sandbox.sent.list({ operation: 'messaging.private-reply' })).toHaveLength(1);
    const profile = await fixture.graph(`/${customerId}`, { token: TOKENS.page });
    expect(profile.status).toBe(200);
  });
});
