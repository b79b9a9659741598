import type { MessagingEnvelope, MessagingEvent, MessagingMessage } from '../webhooks/webhook-envelope.ts';

/** Who an event is between: the Page or Instagram account, and the customer (PSID or IGSID). */
export interface MessagingParties {
  assetId: string;
  customerId: string;
  timestampMs: number;
}

/** A Messenger/Instagram attachment as found in `message.attachments[]`. */
export interface MessagingAttachment {
  type: string;
  payload: Record<string, unknown>;
}

/** One messaging event, one variant per key of reference §3.2–3.3 and §4.4. */
export type MessagingContent =
  | { type: 'text'; mid: string; text: string; quickReplyPayload?: string; replyToMid?: string }
  | { type: 'attachments'; mid: string; attachments: MessagingAttachment[]; text?: string }
  | { type: 'story_reply'; mid: string; text: string; story: { id: string; url: string } }
  | { type: 'postback'; mid: string; title: string; payload: string }
  | { type: 'reaction'; targetMid: string; action: 'react' | 'unreact'; reaction?: string; emoji?: string }
  | { type: 'read'; watermark?: number; mid?: string }
  | { type: 'delivery'; mids: string[]; watermark: number }
  | {
      type: 'echo';
      mid: string;
      text?: string;
      attachments?: MessagingAttachment[];
      appId?: number;
      metadata?: string;
    }
  | { type: 'referral'; referral: Record<string, unknown> }
  | { type: 'message_edit'; mid: string; text: string; numEdit: number }
  | { type: 'deleted'; mid: string }
  | { type: 'unsupported'; mid: string };

/** Builds one `messaging[]` item; echoes swap sender and recipient as Meta does. */
export function buildMessagingEvent(content: MessagingContent, parties: MessagingParties): MessagingEvent {
  const fromCustomer = {
    sender: { id: parties.customerId },
    recipient: { id: parties.assetId },
    timestamp: parties.timestampMs,
  };
  const message = (fields: MessagingMessage): MessagingEvent => ({ ...fromCustomer, message: fields });
  switch (content.type) {
    case 'text':
      return message({
        mid: content.mid,
        text: content.text,
        ...(content.quickReplyPayload ? { quick_reply: { payload: content.quickReplyPayload } } : {}),
        ...(content.replyToMid ? { reply_to: { mid: content.replyToMid, is_self_reply: false } } : {}),
      });
    case 'attachments':
      return message({
        mid: content.mid,
        ...(content.text ? { text: content.text } : {}),
        attachments: content.attachments,
      });
    case 'story_reply':
      return message({ mid: content.mid, text: content.text, reply_to: { story: content.story } });
    case 'postback':
      return {
        ...fromCustomer,
        postback: { mid: content.mid, title: content.title, payload: content.payload },
      };
    case 'reaction':
      return {
        ...fromCustomer,
        reaction: {
          mid: content.targetMid,
          action: content.action,
          ...(content.action === 'react' && content.reaction ? { reaction: content.reaction } : {}),
          ...(content.action === 'react' && content.emoji ? { emoji: content.emoji } : {}),
        },
      };
    case 'read':
      return {
        ...fromCustomer,
        read: {
          ...(content.watermark === undefined ? {} : { watermark: content.watermark }),
          ...(content.mid === undefined ? {} : { mid: content.mid }),
        },
      };
    case 'delivery':
      // Meta's delivery events carry no timestamp of their own (reference §3.3).
      return {
        sender: fromCustomer.sender,
        recipient: fromCustomer.recipient,
        delivery: { mids: content.mids, watermark: content.watermark },
      };
    case 'echo':
      return {
        sender: { id: parties.assetId },
        recipient: { id: parties.customerId },
        timestamp: parties.timestampMs,
        message: {
          is_echo: true,
          ...(content.appId === undefined ? {} : { app_id: content.appId }),
          ...(content.metadata === undefined ? {} : { metadata: content.metadata }),
          mid: content.mid,
          ...(content.text === undefined ? {} : { text: content.text }),
          ...(content.attachments ? { attachments: content.attachments } : {}),
        },
      };
    case 'referral':
      return { ...fromCustomer, referral: content.referral };
    case 'message_edit':
      return {
        ...fromCustomer,
        message_edit: { mid: content.mid, text: content.text, num_edit: content.numEdit },
      };
    case 'deleted':
      return message({ mid: content.mid, is_deleted: true });
    case 'unsupported':
      return message({ mid: content.mid, is_unsupported: true });
  }
}

/** Wraps events in the `page` or `instagram` envelope (reference §3.2, §4.3). */
export function messagingEnvelope(
  object: 'page' | 'instagram',
  assetId: string,
  events: MessagingEvent[],
  timeMs: number,
): MessagingEnvelope {
  return { object, entry: [{ id: assetId, time: timeMs, messaging: events }] };
}

/** An ad or m.me `referral` for an existing thread (reference §3.3, §4.4). */
export function messagingReferral(source: 'SHORTLINK' | 'ADS', ref = 'campaign-42'): Record<string, unknown> {
  if (source === 'SHORTLINK') return { ref, source, type: 'OPEN_THREAD' };
  return {
    ref,
    ad_id: '120226305854810726',
    source,
    type: 'OPEN_THREAD',
    ads_context_data: { ad_title: 'Rebajas de verano', photo_url: 'https://scontent.xx.fbcdn.net/v/ad.jpg' },
  };
}
