import type { ChannelType } from './channels.schema.ts';

const HOUR = 3_600_000;
/** Meta's customer service window: free-form replies up to 24 h after the customer's last message. */
export const SERVICE_WINDOW_MS = 24 * HOUR;
/** Messenger / Instagram: replies with the HUMAN_AGENT tag up to 7 days after the last message. */
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * HOUR;

/**
 * Where a conversation stands for free-form replies. `open`: anything goes until `closesAt`.
 * `human_agent` (Messenger/Instagram only): replies go tagged HUMAN_AGENT until `closesAt`.
 * `closed`: WhatsApp needs a template; Messenger/Instagram cannot reply until the customer writes.
 * Shared by the server (which enforces it) and the composer (which shows the countdown).
 */
export type MessagingWindow =
  | { state: 'open'; closesAt: number }
  | { state: 'human_agent'; closesAt: number }
  | { state: 'closed' };

export function messagingWindow(
  channel: ChannelType,
  lastInboundAt: number | null,
  now: number,
): MessagingWindow {
  if (lastInboundAt === null) return { state: 'closed' };
  if (now < lastInboundAt + SERVICE_WINDOW_MS)
    return { state: 'open', closesAt: lastInboundAt + SERVICE_WINDOW_MS };
  if (channel !== 'whatsapp' && now < lastInboundAt + HUMAN_AGENT_WINDOW_MS) {
    return { state: 'human_agent', closesAt: lastInboundAt + HUMAN_AGENT_WINDOW_MS };
  }
  return { state: 'closed' };
}
