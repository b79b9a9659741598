import {
  type RealtimeEvent,
  type RealtimeEventType,
  realtimeEventSchema,
  type SocketServerMessage,
} from '@charla/contracts';
import type { StoredEvent } from '../events/events.repo.ts';
import type { Delivery } from './realtime.policy.ts';

/** Stored types that clients receive; the rest (`workspace.created`, `api_key.created`…) stay internal. */
const CLIENT_TYPES: ReadonlySet<string> = new Set<RealtimeEventType>(
  realtimeEventSchema.options.map((option) => option.shape.type.value),
);

/** Whether clients receive events of this stored type. */
export function isClientEventType(type: string): boolean {
  return CLIENT_TYPES.has(type);
}

/** A stored event in its client shape; null for internal types (`workspace.created`, …) and bad payloads. */
export function presentStoredEvent(event: StoredEvent): RealtimeEvent | null {
  if (!CLIENT_TYPES.has(event.type)) return null;
  const payload = typeof event.payload === 'object' && event.payload !== null ? event.payload : {};
  const parsed = realtimeEventSchema.safeParse({ ...payload, type: event.type });
  if (!parsed.success) return null;
  return { id: event.id, createdAt: event.createdAt, ...parsed.data };
}

/** The removal notice a member gets instead of an event about a conversation they lost. */
export function removalOf(event: RealtimeEvent, conversationId: string): RealtimeEvent {
  return { id: event.id, createdAt: event.createdAt, type: 'conversation.removed', conversationId };
}

/** What one delivery of an event is for a member, or null when they get nothing. */
export function eventFor(delivery: Delivery, event: RealtimeEvent, conversationId: string | null) {
  switch (delivery) {
    case 'event':
      return event;
    case 'removed':
      return conversationId === null ? null : removalOf(event, conversationId);
    case 'none':
      return null;
  }
}

/**
 * One event serialised for the socket, each variant at most once however many members receive
 * it: fan-out to many sockets must not stringify per socket.
 */
export class WireEvent {
  private readonly frames = new Map<Delivery, string | null>();

  constructor(
    readonly event: RealtimeEvent,
    private readonly conversationId: string | null,
  ) {}

  /** The frame for a delivery, or null when the member gets nothing. */
  frameFor(delivery: Delivery): string | null {
    const cached = this.frames.get(delivery);
    if (cached !== undefined) return cached;
    const event = eventFor(delivery, this.event, this.conversationId);
    const frame = event && socketFrame({ kind: 'event', event });
    this.frames.set(delivery, frame);
    return frame;
  }
}

/** A server message as it goes on the socket. */
export function socketFrame(message: SocketServerMessage): string {
  return JSON.stringify(message);
}
