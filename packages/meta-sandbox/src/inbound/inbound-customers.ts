import {
  type Asset,
  assetId,
  type InstagramAsset,
  isChannel,
  type MessengerAsset,
  type WhatsAppAsset,
} from '../assets/asset-registry.ts';
import { colorFor, solidPng } from '../media/sample-media.ts';
import type { SandboxContext } from '../sandbox.context.ts';
import { createPersona, type Locale } from '../simulator/customer-personas.ts';
import { PHRASES } from '../simulator/customer-phrases.ts';
import type { MessagingCustomer, WhatsAppContact } from '../state/sandbox-state.ts';

/** A request to `POST /__sandbox/inbound` that cannot be carried out (answered with 400). */
export class InboundError extends Error {}

interface Who {
  from?: string | undefined;
  name?: string | undefined;
  locale?: Locale | undefined;
}

function splitName(name: string): { firstName: string; lastName: string } {
  const [firstName = name, ...rest] = name.trim().split(/\s+/);
  return { firstName, lastName: rest.join(' ') };
}

/** The locale of generated text: the request's, the customer's, or Spanish three times in four. */
export function localeFor(ctx: SandboxContext, who: Who, known?: Locale): Locale {
  return who.locale ?? known ?? (ctx.random.chance(0.75) ? 'es' : 'en');
}

/** A random customer phrase in a locale. */
export function phrase(ctx: SandboxContext, locale: Locale): string {
  return ctx.random.pick(PHRASES[locale]);
}

/** Finds or creates the WhatsApp contact who writes. */
export function whatsappContact(ctx: SandboxContext, asset: WhatsAppAsset, who: Who): WhatsAppContact {
  const contacts = ctx.state.contactsOf(asset.phoneNumberId);
  const existing = who.from ? contacts.get(who.from) : undefined;
  if (existing) {
    if (who.name) existing.name = who.name;
    return existing;
  }
  const persona = createPersona(ctx.random, ctx.ids.numeric, who.locale);
  const contact: WhatsAppContact = {
    waId: who.from ?? persona.waId,
    name: who.name ?? `${persona.firstName} ${persona.lastName}`,
    locale: who.locale ?? persona.locale,
  };
  contacts.set(contact.waId, contact);
  return contact;
}

/** Finds or creates the Messenger/Instagram customer who writes, with an avatar for the profile. */
export function messagingCustomer(
  ctx: SandboxContext,
  asset: MessengerAsset | InstagramAsset,
  who: Who,
): MessagingCustomer {
  const existing = who.from ? ctx.state.messagingCustomers.get(who.from) : undefined;
  if (existing && existing.assetId === assetId(asset)) {
    if (who.name) Object.assign(existing, splitName(who.name));
    return existing;
  }
  const persona = createPersona(ctx.random, ctx.ids.numeric, who.locale);
  const names = who.name ? splitName(who.name) : { firstName: persona.firstName, lastName: persona.lastName };
  const customer: MessagingCustomer = {
    id: who.from ?? (asset.channel === 'messenger' ? persona.psid : persona.igsid),
    channel: asset.channel,
    assetId: assetId(asset),
    ...names,
    username: persona.username,
    locale: who.locale ?? persona.locale,
  };
  ctx.state.messagingCustomers.set(customer.id, customer);
  ctx.media.put({
    id: `avatar-${customer.id}`,
    bytes: solidPng(colorFor(customer.id), 64),
    mimeType: 'image/png',
    filename: `${customer.id}.png`,
    ownerId: customer.assetId,
    origin: 'inbound',
    createdAt: ctx.clock(),
  });
  return customer;
}

/** Records a customer message: opens the 24 h window and remembers the message id. */
export function noteInbound(
  ctx: SandboxContext,
  channel: 'whatsapp' | 'messenger' | 'instagram',
  asset: string,
  customer: { lastInboundAt?: number; lastInboundMessageId?: string },
  customerId: string,
  messageId: string | undefined,
  at: number,
): void {
  if (customer.lastInboundAt === undefined || at >= customer.lastInboundAt) {
    customer.lastInboundAt = at;
    if (messageId) customer.lastInboundMessageId = messageId;
  }
  if (messageId)
    ctx.state.inboundMessages.set(messageId, { id: messageId, channel, assetId: asset, customerId, at });
}

/** The asset an inbound action targets: the named one or the channel's first. */
export function inboundAsset<C extends Asset['channel']>(
  ctx: SandboxContext,
  channel: C,
  id: string | undefined,
): Extract<Asset, { channel: C }> {
  const asset = id
    ? ctx.assets.list().find((a) => assetId(a) === id || (a.channel === 'whatsapp' && a.wabaId === id))
    : ctx.assets.first(channel);
  if (asset && isChannel(asset, channel)) return asset;
  throw new InboundError(`No ${channel} asset${id ? ` with id ${id}` : ''} is configured`);
}
