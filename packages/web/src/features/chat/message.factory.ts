import type { Message } from '@charla/contracts';

let sequence = 0;

/** A thread message for tests: an inbound text from the customer unless told otherwise. */
export function aMessage(overrides: Partial<Message> = {}): Message {
  sequence += 1;
  const createdAt = overrides.createdAt ?? Date.UTC(2026, 2, 4, 15, 0) + sequence * 1000;
  return {
    id: `msg-${String(sequence).padStart(6, '0')}`,
    conversationId: 'conv-1',
    direction: 'inbound',
    kind: 'text',
    text: 'Hola',
    content: { kind: 'text' },
    attachments: [],
    replyTo: null,
    reactions: [],
    author: { type: 'customer' },
    delivery: null,
    clientId: null,
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

/** An outbound text by a member, in the given delivery state. */
export function anOutboundMessage(
  state: NonNullable<Message['delivery']>['state'],
  overrides: Partial<Message> = {},
) {
  return aMessage({
    direction: 'outbound',
    author: { type: 'member', memberId: 'member-1', name: 'Luis' },
    delivery: { state, errorCode: null, errorReason: null },
    ...overrides,
  });
}
