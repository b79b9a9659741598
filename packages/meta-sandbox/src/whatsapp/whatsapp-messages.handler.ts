import { randomBytes } from 'node:crypto';
import type { WhatsAppAsset } from '../assets/asset-registry.ts';
import { GraphError } from '../graph/graph-error.ts';
import { parseGraphParams } from '../graph/graph-params.ts';
import {
  type GraphRequest,
  type GraphResponse,
  graphMajorVersion,
  type RouteMatch,
  type SendEffects,
} from '../graph/graph-route.ts';
import type { SandboxContext } from '../sandbox.context.ts';
import type { WhatsAppContact } from '../state/sandbox-state.ts';
import { applyStatusPlan } from '../statuses/status-plan.ts';
import { type WhatsAppSend, whatsappMarkReadSchema, whatsappSendSchema } from './whatsapp-send.schema.ts';
import type { PricingCategory } from './whatsapp-status.builder.ts';
import { checkTemplateSend } from './whatsapp-templates.catalog.ts';

const WINDOW_MS = 24 * 3600_000;

/**
 * The wa_id a number reaches. Mexican (52 → 521) and Argentinian (54 → 549) mobile numbers are
 * matched to a known contact the way WhatsApp rewrites them, so `input` and `wa_id` can differ.
 */
export function resolveWaId(digits: string, contacts: Map<string, WhatsAppContact>): string {
  if (contacts.has(digits)) return digits;
  for (const [prefix, mobile] of [
    ['52', '521'],
    ['54', '549'],
  ] as const) {
    const rewritten = `${mobile}${digits.slice(prefix.length)}`;
    if (digits.startsWith(prefix) && !digits.startsWith(mobile) && contacts.has(rewritten)) return rewritten;
  }
  return digits;
}

/** `POST /{phone-number-id}/messages`: sends, marks as read, shows the typing indicator. */
export function routeWhatsAppMessages(req: GraphRequest, ctx: SandboxContext): RouteMatch | null {
  if (req.method !== 'POST' || req.edge !== 'messages') return null;
  const asset = ctx.assets.whatsappByPhoneNumberId(req.id);
  if (!asset) return null;
  const isStatus = req.params.status !== undefined;
  return {
    operation: isStatus ? 'whatsapp.mark-read' : 'whatsapp.send',
    assetId: asset.phoneNumberId,
    authorize: (token) => token === asset.token,
    handle: (effects) => (isStatus ? markRead(req, ctx, asset, effects) : send(req, ctx, asset, effects)),
  };
}

function markRead(
  req: GraphRequest,
  ctx: SandboxContext,
  asset: WhatsAppAsset,
  effects: SendEffects,
): GraphResponse {
  const body = parseGraphParams(whatsappMarkReadSchema, req.params, 'whatsapp');
  const inbound = ctx.state.inboundMessages.get(body.message_id);
  if (!body.message_id.startsWith('wamid.') || (inbound && inbound.assetId !== asset.phoneNumberId)) {
    throw new GraphError(100, { whatsapp: true, details: `Invalid message_id ${body.message_id}` });
  }
  ctx.state.recordSent({
    id: body.message_id,
    channel: 'whatsapp',
    operation: 'whatsapp.mark-read',
    assetId: asset.phoneNumberId,
    recipient: inbound?.customerId ?? null,
    payload: req.params,
    at: ctx.clock(),
    responseDropped: effects.dropResponse === true,
  });
  return { status: 200, json: { success: true } };
}

function mediaIdOf(body: WhatsAppSend): string | undefined {
  switch (body.type) {
    case 'image':
      return body.image.id;
    case 'video':
      return body.video.id;
    case 'audio':
      return body.audio.id;
    case 'document':
      return body.document.id;
    case 'sticker':
      return body.sticker.id;
    default:
      return undefined;
  }
}

function send(
  req: GraphRequest,
  ctx: SandboxContext,
  asset: WhatsAppAsset,
  effects: SendEffects,
): GraphResponse {
  const body = parseGraphParams(whatsappSendSchema, req.params, 'whatsapp');
  const contacts = ctx.state.contactsOf(asset.phoneNumberId);
  const waId = resolveWaId(body.to.replace(/\D/g, ''), contacts);
  if (waId === asset.displayPhone) {
    throw new GraphError(131021, {
      whatsapp: true,
      message: 'Recipient cannot be sender',
      details: 'Sender and recipient phone number is the same.',
    });
  }
  if (ctx.state.blockedOf(asset.phoneNumberId).has(waId)) {
    throw new GraphError(130403, { whatsapp: true, details: `Business has blocked ${waId}.` });
  }
  const now = ctx.clock();
  const lastInbound = contacts.get(waId)?.lastInboundAt;
  const windowOpen = lastInbound !== undefined && now - lastInbound < WINDOW_MS;
  let category: PricingCategory = 'service';
  let failure: { code: number; details?: string } | undefined;
  if (body.type === 'template') {
    category = checkTemplateSend(body.template);
  } else {
    const enforcement =
      effects.windowClosed ??
      (windowOpen || ctx.config.windowEnforcement === 'off' ? undefined : ctx.config.windowEnforcement);
    if (enforcement === 'sync') throw new GraphError(131047, { whatsapp: true });
    if (enforcement === 'async') failure = { code: 131047 };
  }
  if (effects.undeliverable === 'sync') throw new GraphError(131026, { whatsapp: true });
  if (effects.undeliverable === 'async') failure ??= { code: 131026 };
  const mediaId = mediaIdOf(body);
  if (mediaId !== undefined && !ctx.media.get(mediaId)) {
    failure ??= { code: 131053, details: `Media id ${mediaId} was not found or has expired.` };
  }
  const messageId = ctx.ids.wamid(waId);
  ctx.state.recordSent({
    id: messageId,
    channel: 'whatsapp',
    operation: 'whatsapp.send',
    assetId: asset.phoneNumberId,
    recipient: waId,
    payload: req.params,
    at: now,
    responseDropped: effects.dropResponse === true,
  });
  const major = graphMajorVersion(req.version);
  ctx.statuses.whatsapp(
    {
      asset,
      messageId,
      recipientId: waId,
      acceptedAtMs: now,
      ...(body.biz_opaque_callback_data ? { bizOpaqueCallbackData: body.biz_opaque_callback_data } : {}),
      category,
      free: category === 'service' || (category === 'utility' && windowOpen),
      includeConversation: major === null || major < 24,
      conversationId: randomBytes(16).toString('hex'),
      ...(failure ? { failure } : {}),
    },
    applyStatusPlan(ctx.config.statuses, effects.statusPlan),
  );
  return {
    status: 200,
    json: {
      messaging_product: 'whatsapp',
      contacts: [{ input: body.to, wa_id: waId }],
      messages: [{ id: messageId, ...(body.type === 'template' ? { message_status: 'accepted' } : {}) }],
    },
  };
}
