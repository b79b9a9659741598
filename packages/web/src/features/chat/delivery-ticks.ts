import type { Message } from '@charla/contracts';

/** What the tick beside an outbound message shows. */
export type Tick = 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

/** The tick of a message, or null for messages that carry none (inbound, notes, activity). */
export function tickOf(message: Pick<Message, 'direction' | 'delivery'>): Tick | null {
  if (message.direction !== 'outbound' || !message.delivery) return null;
  return message.delivery.state;
}

/** Whether the member can send a message again: it failed, and it was sent from Charla. */
export function canRetry(message: Pick<Message, 'direction' | 'delivery' | 'author'>): boolean {
  return tickOf(message) === 'failed' && message.author.type !== 'external';
}
