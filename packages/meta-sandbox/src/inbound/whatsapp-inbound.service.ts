import type { WhatsAppAsset } from '../assets/asset-registry.ts';
import { type SampleKind, sampleFile } from '../media/sample-media.ts';
import type { SandboxContext } from '../sandbox.context.ts';
import { CAPTIONS, DOCUMENT_NAMES, PLACES } from '../simulator/customer-phrases.ts';
import type { WhatsAppContact } from '../state/sandbox-state.ts';
import type { WhatsAppInboundMedia, WhatsAppInboundMessage } from '../webhooks/webhook-envelope.ts';
import {
  buildWhatsAppMessage,
  ctwaReferral,
  type WhatsAppMessageContent,
  whatsappErrorsEnvelope,
  whatsappMessageEnvelope,
} from '../whatsapp/whatsapp-inbound.builder.ts';
import {
  InboundError,
  inboundAsset,
  localeFor,
  noteInbound,
  phrase,
  whatsappContact,
} from './inbound-customers.ts';
import type { WhatsAppInboundSpec } from './inbound-input.schema.ts';
import type { InboundResult } from './inbound-result.ts';

function media(
  ctx: SandboxContext,
  asset: WhatsAppAsset,
  kind: SampleKind,
  extra: Partial<WhatsAppInboundMedia> & { filename?: string },
): WhatsAppInboundMedia {
  const file = sampleFile(kind, extra.filename ?? 'Comprobante');
  const stored = ctx.media.put({
    id: ctx.ids.numeric(16),
    bytes: file.bytes,
    mimeType: file.mimeType,
    filename: extra.filename ?? `${ctx.ids.numeric(8)}.${file.extension}`,
    ownerId: asset.phoneNumberId,
    origin: 'inbound',
    createdAt: ctx.clock(),
  });
  return { ...extra, mime_type: stored.mimeType, sha256: stored.sha256Base64, id: stored.id };
}

/** The message a customer reacts or replies to: the given id, else the last thing sent to them. */
function targetOf(ctx: SandboxContext, contact: WhatsAppContact, given: string | undefined): string {
  const target = given ?? ctx.state.lastSentTo(contact.waId)?.id ?? contact.lastInboundMessageId;
  if (!target) throw new InboundError(`No message to refer to for ${contact.waId}; pass messageId`);
  return target;
}

/** A message the customer wrote earlier (edits and revokes apply to the customer's own). */
function ownMessage(contact: WhatsAppContact, given: string | undefined): string {
  const own = given ?? contact.lastInboundMessageId;
  if (!own) throw new InboundError(`${contact.waId} has not written anything yet; pass messageId`);
  return own;
}

function contentOf(
  ctx: SandboxContext,
  asset: WhatsAppAsset,
  contact: WhatsAppContact,
  spec: WhatsAppInboundSpec,
): WhatsAppMessageContent {
  const locale = localeFor(ctx, spec, contact.locale);
  switch (spec.type) {
    case 'text':
      return { type: 'text', body: spec.text ?? phrase(ctx, locale) };
    case 'image':
    case 'video':
      return {
        type: spec.type,
        media: media(ctx, asset, spec.type === 'image' ? 'jpeg' : 'mp4', {
          caption: spec.caption ?? ctx.random.pick(CAPTIONS[locale]),
        }),
      };
    case 'audio':
      return { type: 'audio', media: media(ctx, asset, 'ogg', { voice: spec.voice }) };
    case 'document': {
      const filename = spec.filename ?? ctx.random.pick(DOCUMENT_NAMES);
      return {
        type: 'document',
        media: media(ctx, asset, 'pdf', { filename, ...(spec.caption ? { caption: spec.caption } : {}) }),
      };
    }
    case 'sticker':
      return { type: 'sticker', media: media(ctx, asset, 'webp', { animated: spec.animated }) };
    case 'location': {
      const place = ctx.random.pick(PLACES);
      const explicit = spec.latitude !== undefined && spec.longitude !== undefined;
      return {
        type: 'location',
        latitude: spec.latitude ?? place.latitude,
        longitude: spec.longitude ?? place.longitude,
        ...(explicit ? {} : { name: place.name, address: place.address }),
        ...(spec.placeName ? { name: spec.placeName } : {}),
        ...(spec.address ? { address: spec.address } : {}),
        ...(spec.url ? { url: spec.url } : {}),
      };
    }
    case 'contacts':
      return {
        type: 'contacts',
        contacts: spec.contacts ?? [
          {
            name: { formatted_name: 'Lucía Peña', first_name: 'Lucía', last_name: 'Peña' },
            phones: [{ phone: '+52 1 55 1234 5678', wa_id: '5215512345678', type: 'CELL' }],
            emails: [{ email: 'lucia.pena@example.com', type: 'WORK' }],
          },
        ],
      };
    case 'button_reply':
      return { type: 'button_reply', id: spec.id, title: spec.title };
    case 'list_reply':
      return {
        type: 'list_reply',
        id: spec.id,
        title: spec.title,
        ...(spec.description ? { description: spec.description } : {}),
      };
    case 'button':
      return { type: 'button', payload: spec.payload, text: spec.text };
    case 'reaction':
      return { type: 'reaction', messageId: targetOf(ctx, contact, spec.messageId), emoji: spec.emoji };
    case 'order':
      return {
        type: 'order',
        catalogId: spec.catalogId,
        ...(spec.text ? { text: spec.text } : {}),
        items: spec.items ?? [
          { product_retailer_id: 'SKU-CAMISA-M-AZUL', quantity: 2, item_price: 349.9, currency: 'MXN' },
        ],
      };
    case 'system': {
      const newWaId = spec.newWaId ?? `${contact.waId.slice(0, -4)}${ctx.random.digits(4)}`;
      return {
        type: 'system',
        newWaId,
        body: `User ${contact.name} changed from ${contact.waId} to ${newWaId}`,
      };
    }
    case 'identity_changed':
      return { type: 'identity_changed', hash: Buffer.from(ctx.ids.numeric(8)).toString('base64') };
    case 'unsupported':
    case 'unknown':
      return { type: spec.type };
    case 'edit':
      return {
        type: 'edit',
        originalMessageId: ownMessage(contact, spec.messageId),
        body: spec.text ?? phrase(ctx, locale),
      };
    case 'revoke':
      return { type: 'revoke', originalMessageId: ownMessage(contact, spec.messageId) };
    case 'errors':
      throw new InboundError('errors is not a message');
  }
}

function contextOf(
  ctx: SandboxContext,
  asset: WhatsAppAsset,
  contact: WhatsAppContact,
  spec: WhatsAppInboundSpec,
): WhatsAppInboundMessage['context'] {
  const quotes = spec.type === 'button_reply' || spec.type === 'list_reply' || spec.type === 'button';
  const quoted = spec.replyTo ?? (quotes ? targetOf(ctx, contact, spec.messageId) : undefined);
  if (quoted) {
    const inbound = ctx.state.inboundMessages.get(quoted);
    return { from: inbound ? inbound.customerId : asset.displayPhone, id: quoted };
  }
  if (spec.forwarded) return { [spec.forwarded]: true };
  return undefined;
}

/** Makes a WhatsApp customer act: builds, records and delivers the signed webhook. */
export function sendWhatsAppInbound(ctx: SandboxContext, spec: WhatsAppInboundSpec): InboundResult {
  const asset = inboundAsset(ctx, 'whatsapp', spec.asset);
  const contact = whatsappContact(ctx, asset, spec);
  const at = spec.timestamp ?? ctx.clock();
  if (spec.type === 'errors') {
    const envelope = whatsappErrorsEnvelope(asset, spec.code, spec.details);
    const delivered = ctx.sender.deliver(envelope, asset.appSecret, 'whatsapp.errors');
    return {
      channel: 'whatsapp',
      type: spec.type,
      assetId: asset.phoneNumberId,
      customerId: contact.waId,
      envelope,
      delivered,
    };
  }
  const content = contentOf(ctx, asset, contact, spec);
  const context = contextOf(ctx, asset, contact, spec);
  const referral = spec.referral === true ? ctwaReferral() : spec.referral;
  const messageId = ctx.ids.wamid(contact.waId);
  const message = buildWhatsAppMessage(content, {
    id: messageId,
    from: contact.waId,
    timestampMs: at,
    ...(context ? { context } : {}),
    ...(referral ? { referral } : {}),
  });
  // System notifications are not customer messages: they do not open the service window.
  if (spec.type !== 'system' && spec.type !== 'identity_changed') {
    noteInbound(ctx, 'whatsapp', asset.phoneNumberId, contact, contact.waId, messageId, at);
  }
  const envelope = whatsappMessageEnvelope(asset, contact, message);
  if (content.type === 'system') {
    const contacts = ctx.state.contactsOf(asset.phoneNumberId);
    contacts.set(content.newWaId, { ...contact, waId: content.newWaId });
  }
  const delivered = ctx.sender.deliver(envelope, asset.appSecret, `whatsapp.message.${spec.type}`);
  return {
    channel: 'whatsapp',
    type: spec.type,
    assetId: asset.phoneNumberId,
    customerId: contact.waId,
    messageId,
    envelope,
    delivered,
  };
}
