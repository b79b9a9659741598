import type { ChannelType } from '@charla/contracts';
import { messagingWindow } from '@charla/contracts/rules';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * What the composer says about Meta's messaging window. `open` and `human_agent` carry the
 * time left (hours and minutes, rounded down, never below one minute while open); `template`:
 * WhatsApp needs a template; `locked`: Messenger/Instagram cannot reply until the customer writes.
 */
export type WindowNotice =
  | { state: 'open'; hours: number; minutes: number; urgent: boolean }
  | { state: 'human_agent'; days: number; hours: number }
  | { state: 'template' }
  | { state: 'locked' };

export function windowNotice(channel: ChannelType, lastInboundAt: number | null, now: number): WindowNotice {
  const window = messagingWindow(channel, lastInboundAt, now);
  switch (window.state) {
    case 'open': {
      const left = Math.max(window.closesAt - now, MINUTE);
      return {
        state: 'open',
        hours: Math.floor(left / HOUR),
        minutes: Math.floor((left % HOUR) / MINUTE),
        urgent: left < HOUR,
      };
    }
    case 'human_agent': {
      const left = window.closesAt - now;
      return {
        state: 'human_agent',
        days: Math.floor(left / (24 * HOUR)),
        hours: Math.floor((left % (24 * HOUR)) / HOUR),
      };
    }
    case 'closed':
      return channel === 'whatsapp' ? { state: 'template' } : { state: 'locked' };
  }
}
