import type { MessageContent } from '@charla/contracts';
import { ECHO_METADATA_PREFIX } from '../channels/graph-message-sender.ts';
import { listOf, recordOf, stringOf } from './loose-json.ts';
import type { ChannelKey, ParsedMessage, ParsedMetaEvent, ProviderAttachment } from './meta-events.ts';

const MIME_BY_TYPE: Record<string, string> = {
  image: 'image/jpeg',
  video: 'video/mp4',
  audio: 'audio/mp4',
  file: 'application/octet-stream',
  sticker: 'image/webp',
};

function providerAttachment(type: string, payload: Record<string, unknown>): ProviderAttachment {
  return {
    providerMediaId: null,
    providerUrl: stringOf(payload.url),
    mimeType: MIME_BY_TYPE[type] ?? 'application/octet-stream',
    fileName: null,
    caption: null,
    sha256: null,
  };
}

/** What a Messenger / Instagram `message` carries; the first attachment decides the kind. */
function contentOf(
  message: Record<string, unknown>,
): Pick<ParsedMessage, 'kind' | 'text' | 'content' | 'attachments'> {
  const text = stringOf(message.text);
  const replyTo = recordOf(message.reply_to);
  const story = recordOf(replyTo.story);
  if (Object.keys(story).length > 0) {
    return {
      kind: 'story_reply',
      text,
      content: { kind: 'story_reply', storyUrl: stringOf(story.url) },
      attachments: [],
    };
  }
  if (message.is_unsupported === true) {
    return {
      kind: 'unsupported',
      text,
      content: { kind: 'unsupported', providerType: 'unsupported' },
      attachments: [],
    };
  }
  const quickReply = recordOf(message.quick_reply);
  if (stringOf(quickReply.payload) !== null) {
    return {
      kind: 'interactive_reply',
      text,
      content: { kind: 'interactive_reply', replyId: stringOf(quickReply.payload), title: text ?? '' },
      attachments: [],
    };
  }
  const attachments = listOf(message.attachments).map(recordOf);
  const first = attachments[0];
  if (!first) return { kind: 'text', text: text ?? '', content: { kind: 'text' }, attachments: [] };
  const type = stringOf(first.type) ?? 'unknown';
  const payload = recordOf(first.payload);
  const url = stringOf(payload.url);
  const media = (
    kind: 'image' | 'video' | 'document',
  ): Pick<ParsedMessage, 'kind' | 'text' | 'content' | 'attachments'> => ({
    kind,
    text,
    content: { kind },
    attachments: attachments.map((item) =>
      providerAttachment(stringOf(item.type) ?? type, recordOf(item.payload)),
    ),
  });
  switch (type) {
    case 'image':
      return payload.sticker_id !== undefined
        ? {
            kind: 'sticker',
            text: null,
            content: { kind: 'sticker', animated: false },
            attachments: [providerAttachment('sticker', payload)],
          }
        : media('image');
    case 'sticker':
      return {
        kind: 'sticker',
        text: null,
        content: { kind: 'sticker', animated: false },
        attachments: [providerAttachment('sticker', payload)],
      };
    case 'video':
      return media('video');
    case 'file':
      return media('document');
    case 'audio':
      return {
        kind: 'audio',
        text,
        content: { kind: 'audio', voice: true },
        attachments: [providerAttachment('audio', payload)],
      };
    case 'story_mention':
      return {
        kind: 'story_mention',
        text,
        content: { kind: 'story_mention', storyUrl: url },
        attachments: [],
      };
    case 'share':
    case 'ig_reel':
    case 'reel':
    case 'post':
    case 'ig_post':
    case 'fallback': {
      const link = url ?? stringOf(first.URL) ?? stringOf(first.url);
      const content: MessageContent = { kind: 'share', url: link };
      return { kind: 'share', text: text ?? stringOf(first.title), content, attachments: [] };
    }
    case 'location': {
      const coordinates = recordOf(payload.coordinates);
      return {
        kind: 'location',
        text: stringOf(first.title),
        content: {
          kind: 'location',
          latitude: Number(coordinates.lat),
          longitude: Number(coordinates.long),
          name: stringOf(first.title),
          address: null,
        },
        attachments: [],
      };
    }
    default:
      return {
        kind: 'unsupported',
        text,
        content: { kind: 'unsupported', providerType: type },
        attachments: [],
      };
  }
}

/**
 * Turns one `messaging[]` (or `standby[]`) item of a Page or Instagram webhook into inbox
 * events. Echoes (sent by the business from another tool) swap sender and recipient.
 */
export function parseMessagingItem(
  object: 'page' | 'instagram',
  entryId: string,
  rawItem: unknown,
): ParsedMetaEvent[] {
  const item = recordOf(rawItem);
  const channel: ChannelKey = { type: object === 'page' ? 'messenger' : 'instagram', accountId: entryId };
  const sender = stringOf(recordOf(item.sender).id);
  const recipient = stringOf(recordOf(item.recipient).id);
  const at = typeof item.timestamp === 'number' ? item.timestamp : Date.now();
  if (!sender) return [{ type: 'ignored', reason: 'messaging item without sender' }];

  const message = recordOf(item.message);
  if (Object.keys(message).length > 0) {
    const mid = stringOf(message.mid);
    if (!mid) return [{ type: 'ignored', reason: 'message without mid' }];
    if (message.is_deleted === true)
      return [{ type: 'deleted', channel, providerMessageId: mid, text: null }];
    const echo = message.is_echo === true;
    // Our own sends come back as echoes carrying the metadata we set: already stored.
    if (echo && stringOf(message.metadata)?.startsWith(ECHO_METADATA_PREFIX)) {
      return [{ type: 'ignored', reason: 'echo of a message Charla sent' }];
    }
    const customerId = echo ? recipient : sender;
    if (!customerId) return [{ type: 'ignored', reason: 'echo without recipient' }];
    return [
      {
        type: 'message',
        channel,
        direction: echo ? 'echo' : 'inbound',
        customerId,
        profileName: null,
        phone: null,
        providerMessageId: mid,
        ...contentOf(message),
        replyToProviderId: stringOf(recordOf(message.reply_to).mid),
        referral: Object.keys(recordOf(message.referral)).length > 0 ? recordOf(message.referral) : null,
        sentAt: at,
      },
    ];
  }

  const postback = recordOf(item.postback);
  if (Object.keys(postback).length > 0) {
    const title = stringOf(postback.title) ?? '';
    return [
      {
        type: 'message',
        channel,
        direction: 'inbound',
        customerId: sender,
        profileName: null,
        phone: null,
        providerMessageId: stringOf(postback.mid) ?? `postback:${sender}:${at}`,
        kind: 'interactive_reply',
        text: title,
        content: { kind: 'interactive_reply', replyId: stringOf(postback.payload), title },
        attachments: [],
        replyToProviderId: null,
        referral: Object.keys(recordOf(postback.referral)).length > 0 ? recordOf(postback.referral) : null,
        sentAt: at,
      },
    ];
  }

  const reaction = recordOf(item.reaction);
  if (Object.keys(reaction).length > 0) {
    const target = stringOf(reaction.mid);
    if (!target) return [{ type: 'ignored', reason: 'reaction without mid' }];
    const emoji =
      reaction.action === 'unreact' ? '' : (stringOf(reaction.emoji) ?? stringOf(reaction.reaction) ?? '');
    return [
      {
        type: 'reaction',
        channel,
        customerId: sender,
        profileName: null,
        targetProviderId: target,
        emoji,
        at,
      },
    ];
  }

  const delivery = recordOf(item.delivery);
  if (typeof delivery.watermark === 'number') {
    return [
      {
        type: 'watermark',
        channel,
        customerId: sender,
        state: 'delivered',
        upTo: delivery.watermark,
        providerMessageId: null,
      },
    ];
  }
  const read = recordOf(item.read);
  if (typeof read.watermark === 'number' || stringOf(read.mid)) {
    return [
      {
        type: 'watermark',
        channel,
        customerId: sender,
        state: 'read',
        upTo: typeof read.watermark === 'number' ? read.watermark : at,
        providerMessageId: stringOf(read.mid),
      },
    ];
  }

  const edit = recordOf(item.message_edit);
  const editedMid = stringOf(edit.mid);
  if (editedMid)
    return [{ type: 'edited', channel, providerMessageId: editedMid, text: stringOf(edit.text) }];

  const known = [
    'referral',
    'optin',
    'response_feedback',
    'pass_thread_control',
    'take_thread_control',
    'request_thread_control',
  ];
  const kind = known.find((key) => key in item) ?? 'unknown';
  return [{ type: 'ignored', reason: `messaging event ${kind}` }];
}
