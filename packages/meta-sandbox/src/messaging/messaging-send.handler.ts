import { assetId } from '../assets/asset-registry.ts';
import { GraphError } from '../graph/graph-error.ts';
import type { Operation } from '../graph/graph-operation.ts';
import { parseGraphParams } from '../graph/graph-params.ts';
import type { GraphRequest, GraphResponse, RouteMatch, SendEffects } from '../graph/graph-route.ts';
import { isRecord } from '../platform/http-io.ts';
import type { SandboxContext } from '../sandbox.context.ts';
import type { CommentRecord } from '../state/sandbox-state.ts';
import { applyStatusPlan } from '../statuses/status-plan.ts';
import { type MessagingAsset, resolveMessagingAsset, tokensOf } from './messaging-asset.resolver.ts';
import type { MessagingAttachment } from './messaging-inbound.builder.ts';
import { type MessagingSend, messagingSendSchema } from './messaging-send.schema.ts';

const DAY_MS = 24 * 3600_000;

function windowError(asset: MessagingAsset): GraphError {
  return new GraphError(10, { subcode: asset.channel === 'instagram' ? 2534022 : 2018278 });
}

function checkWindow(
  ctx: SandboxContext,
  asset: MessagingAsset,
  body: MessagingSend,
  customerId: string,
  effects: SendEffects,
): void {
  if (effects.windowClosed) throw windowError(asset);
  if (effects.undeliverable) throw new GraphError(551, { subcode: 1545041 });
  if (ctx.config.windowEnforcement === 'off') return;
  const customer = ctx.state.messagingCustomers.get(customerId);
  if (!customer || customer.assetId !== assetId(asset)) {
    throw new GraphError(100, { subcode: 2018001, message: 'No matching user found' });
  }
  if (body.sender_action && body.sender_action !== 'react' && body.sender_action !== 'unreact') return;
  const humanAgent = body.messaging_type === 'MESSAGE_TAG' && body.tag === 'HUMAN_AGENT';
  const age = ctx.clock() - (customer.lastInboundAt ?? 0);
  if (age > (humanAgent ? 7 : 1) * DAY_MS) throw windowError(asset);
}

function checkPrivateReply(
  ctx: SandboxContext,
  comment: CommentRecord | undefined,
  id: string,
): CommentRecord {
  if (!comment || comment.deleted)
    throw new GraphError(100, { subcode: 33, message: `Comment ${id} does not exist` });
  if (comment.privateReplyMessageId) {
    throw new GraphError(10, { subcode: 2018278, message: 'Only one private reply is allowed per comment.' });
  }
  if (ctx.clock() - comment.createdAt > 7 * DAY_MS) throw new GraphError(10, { subcode: 2018278 });
  return comment;
}

function echoAttachment(ctx: SandboxContext, body: MessagingSend): MessagingAttachment[] | undefined {
  const attachment = body.message?.attachment;
  if (!attachment) return undefined;
  const payload = attachment.payload ?? {};
  if (payload.attachment_id !== undefined) {
    const media = ctx.media.get(payload.attachment_id);
    if (!media) throw new GraphError(100, { message: `Attachment ${payload.attachment_id} does not exist` });
    return [
      {
        type: attachment.type,
        payload: { url: ctx.media.cdnUrl(ctx.baseUrl(), media, ctx.clock() + DAY_MS) },
      },
    ];
  }
  return [{ type: attachment.type, payload: payload.url === undefined ? {} : { url: payload.url } }];
}

function handleSend(
  req: GraphRequest,
  ctx: SandboxContext,
  asset: MessagingAsset,
  operation: Operation,
  effects: SendEffects,
): GraphResponse {
  const body = parseGraphParams(messagingSendSchema, req.params, 'messaging');
  const privateReply = body.recipient.comment_id !== undefined || body.recipient.post_id !== undefined;
  // Private replies need no messaging_type (reference §5.3).
  if (asset.channel === 'messenger' && body.message && !body.messaging_type && !privateReply) {
    throw new GraphError(100, { message: 'param messaging_type must be non-empty.' });
  }
  if (asset.channel === 'instagram' && body.message?.text && Buffer.byteLength(body.message.text) > 1000) {
    throw new GraphError(100, { message: 'param message.text must be at most 1000 bytes.' });
  }
  const commentId = body.recipient.comment_id ?? body.recipient.post_id;
  const comment = commentId
    ? checkPrivateReply(ctx, ctx.state.comments.get(commentId), commentId)
    : undefined;
  const customerId = comment ? comment.authorId : (body.recipient.id ?? body.recipient.user_ref ?? '');
  if (!comment) checkWindow(ctx, asset, body, customerId, effects);
  else if (effects.windowClosed) throw windowError(asset);
  const now = ctx.clock();
  const record = (id: string): void =>
    ctx.state.recordSent({
      id,
      channel: asset.channel,
      operation,
      assetId: assetId(asset),
      recipient: comment ? comment.id : customerId,
      payload: req.params,
      at: now,
      responseDropped: effects.dropResponse === true,
    });
  if (body.sender_action) {
    record(`action-${ctx.ids.numeric(12)}`);
    return { status: 200, json: { recipient_id: customerId } };
  }
  const attachments = echoAttachment(ctx, body);
  const messageId =
    asset.channel === 'messenger' ? ctx.ids.messengerMid() : ctx.ids.instagramMid(asset.igAccountId);
  record(messageId);
  if (comment) {
    comment.privateReplyMessageId = messageId;
    ensureCustomer(ctx, asset, comment);
  }
  ctx.statuses.messaging(
    {
      asset,
      messageId,
      customerId,
      acceptedAtMs: now,
      echo: {
        ...(body.message?.text === undefined ? {} : { text: body.message.text }),
        ...(attachments ? { attachments } : {}),
        ...(body.message?.metadata === undefined ? {} : { metadata: body.message.metadata }),
      },
    },
    applyStatusPlan(ctx.config.statuses, effects.statusPlan),
  );
  return {
    status: 200,
    json: body.recipient.user_ref
      ? { message_id: messageId }
      : { recipient_id: customerId, message_id: messageId },
  };
}

/** A commenter who got a private reply becomes a messaging customer of that asset. */
function ensureCustomer(ctx: SandboxContext, asset: MessagingAsset, comment: CommentRecord): void {
  if (ctx.state.messagingCustomers.has(comment.authorId)) return;
  const [firstName = comment.authorName, ...rest] = comment.authorName.split(' ');
  ctx.state.messagingCustomers.set(comment.authorId, {
    id: comment.authorId,
    channel: asset.channel,
    assetId: assetId(asset),
    firstName,
    lastName: rest.join(' '),
    username: comment.authorName.toLowerCase().replace(/\s+/g, '.'),
  });
}

/** `POST /{page-id | ig-id | me}/messages`: messages, sender actions and private replies. */
export function routeMessagingSend(req: GraphRequest, ctx: SandboxContext): RouteMatch | null {
  if (req.method !== 'POST' || req.edge !== 'messages') return null;
  const recipient = isRecord(req.params.recipient) ? req.params.recipient : {};
  const commentKey = typeof recipient.comment_id === 'string' ? recipient.comment_id : recipient.post_id;
  const comment = typeof commentKey === 'string' ? ctx.state.comments.get(commentKey) : undefined;
  const customer =
    typeof recipient.id === 'string' ? ctx.state.messagingCustomers.get(recipient.id) : undefined;
  const prefer = comment?.assetId ?? customer?.assetId;
  const asset = resolveMessagingAsset(ctx, req.id, req.token, prefer);
  if (!asset) {
    if (req.id !== 'me') return null;
    return {
      operation: 'messenger.send',
      assetId: null,
      authorize: () => false,
      handle: () => ({ status: 500, json: {} }),
    };
  }
  const operation: Operation =
    typeof commentKey === 'string'
      ? 'messaging.private-reply'
      : req.params.sender_action !== undefined
        ? `${asset.channel}.sender-action`
        : `${asset.channel}.send`;
  return {
    operation,
    assetId: assetId(asset),
    authorize: (token) => token !== null && tokensOf(ctx, asset).includes(token),
    handle: (effects) => handleSend(req, ctx, asset, operation, effects),
  };
}
