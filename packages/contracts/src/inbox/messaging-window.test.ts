import { describe, expect, it } from 'vitest';
import { messagingWindow } from './messaging-window.ts';

const HOUR = 3_600_000;

describe('the messaging window', () => {
  it('is open for 24 hours after the customer writes, on every channel', () => {
    for (const channel of ['whatsapp', 'messenger', 'instagram'] as const) {
      expect(messagingWindow(channel, 0, 23 * HOUR)).toEqual({ state: 'open', closesAt: 24 * HOUR });
    }
  });

  it('closes WhatsApp after 24 hours, so only templates go', () => {
    expect(messagingWindow('whatsapp', 0, 24 * HOUR)).toEqual({ state: 'closed' });
  });

  it('lets Messenger and Instagram reply with HUMAN_AGENT until 7 days, then closes', () => {
    expect(messagingWindow('messenger', 0, 25 * HOUR)).toEqual({
      state: 'human_agent',
      closesAt: 168 * HOUR,
    });
    expect(messagingWindow('instagram', 0, 168 * HOUR)).toEqual({ state: 'closed' });
  });

  it('is closed when the customer never wrote', () => {
    expect(messagingWindow('whatsapp', null, 0)).toEqual({ state: 'closed' });
  });
});
