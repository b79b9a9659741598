import type { RealtimeEventBody } from '@charla/contracts';
import { tagsOfCustomers } from '../customers/customers.repo.ts';
import type { DatabaseEngine } from '../db/client.ts';
import type { Executor } from '../db/transaction.ts';
import { appendEvent, type NewEvent } from '../events/events.repo.ts';
import { presentConversation, presentMessage } from './conversations.presenter.ts';
import { loadConversationViews } from './conversations.queries.ts';
import { findMessageView, type MessageViewRow, reactionsOf } from './messages.queries.ts';

type Payload<T extends RealtimeEventBody['type']> = Omit<Extract<RealtimeEventBody, { type: T }>, 'type'>;

/** The conversation as the list shows it now, read inside the caller's transaction. */
export async function conversationView(trx: Executor, conversationId: string) {
  const [row] = await loadConversationViews(trx, [conversationId]);
  if (!row) throw new Error(`conversation ${conversationId} vanished inside its own transaction`);
  const tags = (await tagsOfCustomers(trx, [row.customer_id])).get(row.customer_id) ?? [];
  return presentConversation(row, tags);
}

/** The message as the thread shows it now. */
export async function messageView(trx: Executor, workspaceId: string, messageId: string) {
  const row = await findMessageView(trx, workspaceId, messageId);
  if (!row) throw new Error(`message ${messageId} vanished inside its own transaction`);
  const reactions = (await reactionsOf(trx, [messageId])).get(messageId) ?? [];
  return presentMessage(row, reactions);
}

/**
 * Where a command writes: its transaction, and optionally a buffer that collects the events so a
 * batch appends them together at its end (the webhook processor), still before its commit.
 */
export interface InboxWriter {
  trx: Executor;
  engine: DatabaseEngine;
  deferEvent?: (event: NewEvent) => void;
}

interface Context extends InboxWriter {
  workspaceId: string;
  now: number;
}

async function appendOrDefer(ctx: Context, event: NewEvent): Promise<void> {
  if (ctx.deferEvent) ctx.deferEvent(event);
  else await appendEvent(ctx.trx, ctx.engine, event);
}

/** Records `conversation.updated`; pass the previous owner when the assignment changed. */
export async function recordConversationUpdated(
  ctx: Context,
  conversationId: string,
  previousOwnerMemberId: string | null = null,
) {
  const conversation = await conversationView(ctx.trx, conversationId);
  const payload: Payload<'conversation.updated'> = { conversation };
  await appendOrDefer(ctx, {
    workspaceId: ctx.workspaceId,
    type: 'conversation.updated',
    conversationId,
    ownerMemberId: conversation.assignee?.id ?? null,
    previousOwnerMemberId,
    payload,
    createdAt: ctx.now,
  });
  return conversation;
}

/**
 * Records `message.created` with the conversation as it now stands; `notify` asks for a toast.
 * `written` is the message's id to read back, or the row the caller just inserted (a new message
 * has no reactions yet), presented as it is to save the re-read.
 */
export async function recordMessageCreated(
  ctx: Context,
  conversationId: string,
  written: string | MessageViewRow,
  notify: boolean,
  previousOwnerMemberId: string | null = null,
) {
  const conversation = await conversationView(ctx.trx, conversationId);
  const message =
    typeof written === 'string'
      ? await messageView(ctx.trx, ctx.workspaceId, written)
      : presentMessage(written);
  const payload: Payload<'message.created'> = { message, conversation, notify };
  await appendOrDefer(ctx, {
    workspaceId: ctx.workspaceId,
    type: 'message.created',
    conversationId,
    ownerMemberId: conversation.assignee?.id ?? null,
    previousOwnerMemberId,
    payload,
    createdAt: ctx.now,
  });
  return { message, conversation };
}

/** Records `message.updated` (delivery state, reactions, deletion). */
export async function recordMessageUpdated(
  ctx: Context,
  conversationId: string,
  ownerMemberId: string | null,
  messageId: string,
) {
  const message = await messageView(ctx.trx, ctx.workspaceId, messageId);
  const payload: Payload<'message.updated'> = { message };
  await appendOrDefer(ctx, {
    workspaceId: ctx.workspaceId,
    type: 'message.updated',
    conversationId,
    ownerMemberId,
    payload,
    createdAt: ctx.now,
  });
  return message;
}
