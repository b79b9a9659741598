import { describe, expect, it } from 'vitest';
import { canRetry, tickOf } from './delivery-ticks.ts';
import { aMessage, anOutboundMessage } from './message.factory.ts';

describe('delivery ticks', () => {
  it('shows the delivery state of outbound messages only', () => {
    for (const state of ['queued', 'sent', 'delivered', 'read', 'failed'] as const) {
      expect(tickOf(anOutboundMessage(state))).toBe(state);
    }
    expect(tickOf(aMessage())).toBeNull();
    expect(tickOf(aMessage({ direction: 'internal', kind: 'note', content: { kind: 'note' } }))).toBeNull();
  });

  it('offers a retry on a failed message sent from Charla, not on one sent from the phone', () => {
    expect(canRetry(anOutboundMessage('failed'))).toBe(true);
    expect(canRetry(anOutboundMessage('delivered'))).toBe(false);
    expect(canRetry(anOutboundMessage('failed', { author: { type: 'external' } }))).toBe(false);
  });
});
