import type { ChannelType } from '@charla/contracts';
import type { InjectOptions } from 'fastify';
import { createChannel, customerWrites } from './inbox-factories.ts';
import { as, type TestSession } from './sessions.ts';
import type { TestApp } from './test-app.ts';

/**
 * A customer who wrote in on a new channel of the admin's workspace: their conversation and
 * customer ids, and a helper to call the API as any member.
 */
export async function customerWhoWrote(
  t: TestApp,
  admin: TestSession,
  options: { from: string; profileName?: string; channelType?: ChannelType } = { from: '5215512345678' },
) {
  const channel = await createChannel(t.db, admin.me.workspace.id, options.channelType ?? 'whatsapp');
  const { conversationId } = await customerWrites(t.db, channel, {
    from: options.from,
    profileName: options.profileName,
    at: t.clock.now(),
  });
  const conversation = await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}` }));
  return { conversationId, customerId: conversation.json().customer.id as string, channel };
}

/** An API call as a member (JSON body in `payload`). */
export function callAs(
  t: TestApp,
  who: TestSession,
  method: InjectOptions['method'],
  url: string,
  payload?: unknown,
) {
  return t.app.inject(
    as(who, {
      method,
      url: `/api/v1${url}`,
      ...(payload === undefined ? {} : { payload: payload as object }),
    }),
  );
}

/** Puts the customer of a conversation on a member. */
export async function assignTo(t: TestApp, admin: TestSession, conversationId: string, member: TestSession) {
  const response = await callAs(t, admin, 'PUT', `/conversations/${conversationId}/assignee`, {
    memberId: member.me.member.id,
  });
  if (response.statusCode !== 200) throw new Error(`could not assign: ${response.body}`);
}
