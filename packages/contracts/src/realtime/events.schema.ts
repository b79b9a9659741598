import { z } from 'zod';
import { timestampSchema } from '../common/primitives.ts';
import { reminderSchema } from '../crm/reminders.schema.ts';
import { conversationSchema } from '../inbox/conversations.schema.ts';
import { messageSchema } from '../inbox/messages.schema.ts';
import { memberSchema } from '../members/members.schema.ts';

/**
 * Everything the server pushes on `/api/v1/realtime` and lists at `GET /api/v1/events`.
 * `id` is the event log's order: clients remember the last one and resume after it.
 */
export const realtimeEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('message.created'),
    message: messageSchema,
    conversation: conversationSchema,
    /** False for messages that must raise nothing (blocked customer, our own sends, notes). */
    notify: z.boolean(),
  }),
  z.object({ type: z.literal('message.updated'), message: messageSchema }),
  z.object({ type: z.literal('conversation.updated'), conversation: conversationSchema }),
  /** The member may no longer see this conversation (e.g. reassigned to another agent). */
  z.object({ type: z.literal('conversation.removed'), conversationId: z.string() }),
  z.object({ type: z.literal('member.updated'), member: memberSchema }),
  /** A reminder that notifies came due: the web app shows it to `memberId` (the customer's owner). */
  z.object({ type: z.literal('reminder.due'), reminder: reminderSchema, memberId: z.string() }),
  /**
   * A deal was created, edited, moved or deleted. Only ids, no contents: everyone in the workspace
   * gets it and refetches what shows it (boards of `funnelIds`, panels of `customerIds`: where the
   * deal is and where it was), and those reads apply who may see which deal.
   */
  z.object({
    type: z.literal('deal.changed'),
    dealId: z.string(),
    funnelIds: z.array(z.string()),
    customerIds: z.array(z.string()),
    deleted: z.boolean(),
  }),
  /** A funnel or its stages were created, changed or deleted: funnel lists and its board reload. */
  z.object({ type: z.literal('funnel.changed'), funnelId: z.string(), deleted: z.boolean() }),
]);
export type RealtimeEventBody = z.infer<typeof realtimeEventSchema>;
export type RealtimeEventType = RealtimeEventBody['type'];

export const realtimeEnvelopeSchema = z.intersection(
  z.object({ id: z.number().int(), createdAt: timestampSchema }),
  realtimeEventSchema,
);
export type RealtimeEvent = z.infer<typeof realtimeEnvelopeSchema>;

export const eventsQuerySchema = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const eventsResponseSchema = z.object({
  items: z.array(realtimeEnvelopeSchema),
  /** The id to resume after next time (may be past the last visible item). */
  lastId: z.number().int(),
  /** True when more events are waiting: call again with `after=lastId`. */
  hasMore: z.boolean(),
});

/** Sent by the server on the socket. `hello` first, then events; `resync` when it fell behind. */
export const socketServerMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hello'), lastId: z.number().int() }),
  z.object({ kind: z.literal('event'), event: realtimeEnvelopeSchema }),
]);
export type SocketServerMessage = z.infer<typeof socketServerMessageSchema>;

/**
 * Close codes of `/api/v1/realtime` (application range 4000–4999). `resync`: the client fell
 * too far behind (or the server could not buffer its catch-up); fetch `GET /api/v1/events?after=`
 * until `hasMore` is false, then reconnect with `?after=lastId`. `revoked`: the member was
 * deactivated; sign in again.
 */
export const REALTIME_CLOSE_CODES = { resync: 4000, revoked: 4001 } as const;
