import type { InstagramAsset, MessengerAsset } from '../assets/asset-registry.ts';
import { type SampleKind, sampleFile } from '../media/sample-media.ts';
import {
  buildMessagingEvent,
  type MessagingAttachment,
  type MessagingContent,
  messagingEnvelope,
  messagingReferral,
} from '../messaging/messaging-inbound.builder.ts';
import type { SandboxContext } from '../sandbox.context.ts';
import { DOCUMENT_NAMES } from '../simulator/customer-phrases.ts';
import type { MessagingCustomer } from '../state/sandbox-state.ts';
import {
  InboundError,
  inboundAsset,
  localeFor,
  messagingCustomer,
  noteInbound,
  phrase,
} from './inbound-customers.ts';
import type { InstagramInboundSpec, MessengerInboundSpec } from './inbound-input.schema.ts';
import type { InboundResult } from './inbound-result.ts';

type DirectSpec =
  | Exclude<MessengerInboundSpec, { type: 'comment' }>
  | Exclude<InstagramInboundSpec, { type: 'comment' | 'mention' }>;
type Asset = MessengerAsset | InstagramAsset;

const CDN_TTL_MS = 24 * 3600_000;

function attachment(
  ctx: SandboxContext,
  asset: Asset,
  type: string,
  kind: SampleKind,
  extra: Record<string, unknown> = {},
): MessagingAttachment {
  const file = sampleFile(kind, 'Charla');
  const filename =
    kind === 'pdf' ? ctx.random.pick(DOCUMENT_NAMES) : `${ctx.ids.numeric(10)}.${file.extension}`;
  const stored = ctx.media.put({
    id: ctx.ids.numeric(16),
    bytes: file.bytes,
    mimeType: file.mimeType,
    filename,
    ownerId: asset.channel === 'messenger' ? asset.pageId : asset.igAccountId,
    origin: 'inbound',
    createdAt: ctx.clock(),
  });
  return {
    type,
    payload: { url: ctx.media.cdnUrl(ctx.baseUrl(), stored, ctx.clock() + CDN_TTL_MS), ...extra },
  };
}

/** The business message a customer reacts to or reads: given, else the last one sent to them. */
function businessMessage(
  ctx: SandboxContext,
  customer: MessagingCustomer,
  given: string | undefined,
): string {
  const mid = given ?? ctx.state.lastSentTo(customer.id)?.id;
  if (!mid) throw new InboundError(`Nothing was sent to ${customer.id} yet; pass messageId`);
  return mid;
}

function ownMessage(customer: MessagingCustomer, given: string | undefined): string {
  const mid = given ?? customer.lastInboundMessageId;
  if (!mid) throw new InboundError(`${customer.id} has not written anything yet; pass messageId`);
  return mid;
}

const MEDIA_KIND: Record<'image' | 'video' | 'audio' | 'file', SampleKind> = {
  image: 'jpeg',
  video: 'mp4',
  audio: 'ogg',
  file: 'pdf',
};

function contentOf(
  ctx: SandboxContext,
  asset: Asset,
  customer: MessagingCustomer,
  spec: DirectSpec,
  mid: string,
): MessagingContent {
  const text = (given: string | undefined): string =>
    given ?? phrase(ctx, localeFor(ctx, spec, customer.locale));
  switch (spec.type) {
    case 'text':
      return {
        type: 'text',
        mid,
        text: text(spec.text),
        ...(spec.quickReplyPayload ? { quickReplyPayload: spec.quickReplyPayload } : {}),
        ...(spec.replyTo ? { replyToMid: spec.replyTo } : {}),
      };
    case 'image':
    case 'video':
    case 'audio':
    case 'file':
      return {
        type: 'attachments',
        mid,
        attachments: [attachment(ctx, asset, spec.type, MEDIA_KIND[spec.type])],
        ...(spec.text ? { text: spec.text } : {}),
      };
    case 'sticker':
      // Stickers still arrive as `image` with a sticker_id (reference §3.3).
      return {
        type: 'attachments',
        mid,
        attachments: [attachment(ctx, asset, 'image', 'png', { sticker_id: 369239263222822 })],
      };
    case 'fallback':
      return {
        type: 'attachments',
        mid,
        attachments: [
          { type: 'fallback', payload: { url: spec.url, ...(spec.title ? { title: spec.title } : {}) } },
        ],
      };
    case 'share':
      return { type: 'attachments', mid, attachments: [attachment(ctx, asset, 'share', 'jpeg')] };
    case 'story_mention':
      return { type: 'attachments', mid, attachments: [attachment(ctx, asset, 'story_mention', 'jpeg')] };
    case 'ig_reel':
      return {
        type: 'attachments',
        mid,
        attachments: [
          attachment(ctx, asset, 'ig_reel', 'mp4', {
            title: spec.title ?? '¡Mira esto! 🔥',
            reel_video_id: ctx.ids.numeric(17),
          }),
        ],
      };
    case 'story_reply': {
      const story = attachment(ctx, asset, 'story', 'jpeg');
      return {
        type: 'story_reply',
        mid,
        text: text(spec.text),
        story: { id: ctx.ids.numeric(17), url: String(story.payload.url) },
      };
    }
    case 'reaction':
      return {
        type: 'reaction',
        targetMid: businessMessage(ctx, customer, spec.messageId),
        action: spec.action,
        reaction: spec.reaction,
        emoji: spec.emoji,
      };
    case 'read':
      return spec.channel === 'messenger'
        ? { type: 'read', watermark: spec.watermark ?? ctx.clock() }
        : { type: 'read', mid: businessMessage(ctx, customer, spec.messageId) };
    case 'delivery':
      return {
        type: 'delivery',
        mids: spec.mids ?? [businessMessage(ctx, customer, undefined)],
        watermark: spec.watermark ?? ctx.clock(),
      };
    case 'echo':
      return { type: 'echo', mid, text: text(spec.text), appId: spec.appId };
    case 'postback':
      return { type: 'postback', mid, title: spec.title, payload: spec.payload };
    case 'referral':
      return { type: 'referral', referral: messagingReferral(spec.source, spec.ref) };
    case 'message_edit':
      return {
        type: 'message_edit',
        mid: ownMessage(customer, spec.messageId),
        text: text(spec.text),
        numEdit: spec.numEdit,
      };
    case 'deleted':
      return { type: 'deleted', mid: ownMessage(customer, spec.messageId) };
    case 'unsupported':
      return { type: 'unsupported', mid };
  }
}

/** Types that are the customer writing (they open the 24 h window and create a message). */
const WRITES = new Set([
  'text',
  'image',
  'video',
  'audio',
  'file',
  'sticker',
  'fallback',
  'share',
  'story_mention',
  'ig_reel',
  'story_reply',
  'postback',
  'unsupported',
]);
/** Other customer interactions that also reopen the window (reference §3.6). */
const INTERACTS = new Set(['reaction', 'referral']);

/** Makes a Messenger or Instagram customer act in the inbox and delivers the signed webhook. */
export function sendMessagingInbound(ctx: SandboxContext, spec: DirectSpec): InboundResult {
  const asset: Asset =
    spec.channel === 'messenger'
      ? inboundAsset(ctx, 'messenger', spec.asset)
      : inboundAsset(ctx, 'instagram', spec.asset);
  const entryId = asset.channel === 'messenger' ? asset.pageId : asset.igAccountId;
  const customer = messagingCustomer(ctx, asset, spec);
  const at = spec.timestamp ?? ctx.clock();
  const mid =
    asset.channel === 'messenger' ? ctx.ids.messengerMid() : ctx.ids.instagramMid(asset.igAccountId);
  const content = contentOf(ctx, asset, customer, spec, mid);
  const event = buildMessagingEvent(content, { assetId: entryId, customerId: customer.id, timestampMs: at });
  const creates = WRITES.has(spec.type) || spec.type === 'echo';
  if (WRITES.has(spec.type) || INTERACTS.has(spec.type)) {
    noteInbound(
      ctx,
      asset.channel,
      entryId,
      customer,
      customer.id,
      WRITES.has(spec.type) ? mid : undefined,
      at,
    );
  }
  const envelope = messagingEnvelope(
    asset.channel === 'messenger' ? 'page' : 'instagram',
    entryId,
    [event],
    at,
  );
  const delivered = ctx.sender.deliver(envelope, asset.appSecret, `${asset.channel}.${spec.type}`);
  return {
    channel: asset.channel,
    type: spec.type,
    assetId: entryId,
    customerId: customer.id,
    ...(creates ? { messageId: mid } : {}),
    envelope,
    delivered,
  };
}
