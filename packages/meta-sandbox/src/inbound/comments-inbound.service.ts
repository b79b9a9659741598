import {
  buildFeedComment,
  feedCommentEnvelope,
  instagramCommentEnvelope,
  instagramMentionEnvelope,
} from '../comments/comments-inbound.builder.ts';
import type { SandboxContext } from '../sandbox.context.ts';
import { createPersona } from '../simulator/customer-personas.ts';
import { COMMENTS } from '../simulator/customer-phrases.ts';
import type { CommentRecord } from '../state/sandbox-state.ts';
import { InboundError, inboundAsset, localeFor } from './inbound-customers.ts';
import type { InstagramInboundSpec, MessengerInboundSpec } from './inbound-input.schema.ts';
import type { InboundResult } from './inbound-result.ts';

/** The demo post and media customers comment on when a request names none. */
export const DEMO_POST_SUFFIX = '122131676912594941';
/** The demo Instagram media. */
export const DEMO_MEDIA_ID = '17918195224117851';

function author(
  ctx: SandboxContext,
  from: string | undefined,
  name: string | undefined,
  locale: 'es' | 'en' | undefined,
) {
  const known = from ? ctx.state.messagingCustomers.get(from) : undefined;
  const persona = createPersona(ctx.random, ctx.ids.numeric, locale);
  return {
    known,
    name:
      name ??
      (known ? `${known.firstName} ${known.lastName}`.trim() : `${persona.firstName} ${persona.lastName}`),
    username: known?.username ?? persona.username,
    psid: persona.psid,
    igsid: persona.igsid,
  };
}

/** A customer comments on a Page post, or edits, removes, hides or unhides a comment (feed webhook). */
export function sendFacebookComment(
  ctx: SandboxContext,
  spec: Extract<MessengerInboundSpec, { type: 'comment' }>,
): InboundResult {
  const page = inboundAsset(ctx, 'messenger', spec.asset);
  const at = spec.timestamp ?? ctx.clock();
  let comment: CommentRecord;
  if (spec.verb === 'add') {
    const who = author(ctx, spec.from, spec.name, spec.locale);
    const postId = spec.postId ?? `${page.pageId}_${DEMO_POST_SUFFIX}`;
    comment = {
      id: `${postId.split('_').pop() ?? DEMO_POST_SUFFIX}_${ctx.ids.numeric(16)}`,
      channel: 'facebook',
      assetId: page.pageId,
      authorId: spec.from ?? who.psid,
      authorName: who.name,
      parentObjectId: postId,
      ...(spec.parentCommentId ? { parentCommentId: spec.parentCommentId } : {}),
      text: spec.text ?? ctx.random.pick(COMMENTS[localeFor(ctx, spec)]),
      createdAt: at,
      hidden: false,
      deleted: false,
    };
    ctx.state.comments.set(comment.id, comment);
  } else {
    const existing = spec.commentId ? ctx.state.comments.get(spec.commentId) : undefined;
    if (existing?.channel !== 'facebook') {
      throw new InboundError(`verb ${spec.verb} needs the commentId of a known Facebook comment`);
    }
    comment = existing;
    if (spec.verb === 'edited') comment.text = spec.text ?? comment.text;
    if (spec.verb === 'remove') comment.deleted = true;
    if (spec.verb === 'hide' || spec.verb === 'unhide') comment.hidden = spec.verb === 'hide';
  }
  const value = buildFeedComment({
    verb: spec.verb,
    commentId: comment.id,
    postId: comment.parentObjectId,
    parentId: comment.parentCommentId ?? comment.parentObjectId,
    from: { id: comment.authorId, name: comment.authorName },
    message: comment.text,
    createdMs: at,
  });
  const envelope = feedCommentEnvelope(page.pageId, value, at);
  const delivered = ctx.sender.deliver(envelope, page.appSecret, `messenger.comment.${spec.verb}`);
  return {
    channel: 'messenger',
    type: 'comment',
    assetId: page.pageId,
    customerId: comment.authorId,
    commentId: comment.id,
    envelope,
    delivered,
  };
}

/** A customer comments on Instagram media, or mentions the account (comments / mentions webhooks). */
export function sendInstagramComment(
  ctx: SandboxContext,
  spec: Extract<InstagramInboundSpec, { type: 'comment' | 'mention' }>,
): InboundResult {
  const account = inboundAsset(ctx, 'instagram', spec.asset);
  const at = spec.timestamp ?? ctx.clock();
  const who = author(ctx, spec.from, spec.name, spec.locale);
  const authorId = spec.from ?? who.igsid;
  if (spec.type === 'mention') {
    const envelope = instagramMentionEnvelope(
      account.igAccountId,
      { mediaId: spec.mediaId ?? DEMO_MEDIA_ID, ...(spec.commentId ? { commentId: spec.commentId } : {}) },
      at,
    );
    const delivered = ctx.sender.deliver(envelope, account.appSecret, 'instagram.mention');
    return {
      channel: 'instagram',
      type: 'mention',
      assetId: account.igAccountId,
      customerId: authorId,
      envelope,
      delivered,
    };
  }
  const comment: CommentRecord = {
    id: ctx.ids.numeric(17),
    channel: 'instagram',
    assetId: account.igAccountId,
    authorId,
    authorName: who.username,
    parentObjectId: spec.mediaId ?? DEMO_MEDIA_ID,
    ...(spec.parentCommentId ? { parentCommentId: spec.parentCommentId } : {}),
    text: spec.text ?? ctx.random.pick(COMMENTS[localeFor(ctx, spec)]),
    createdAt: at,
    hidden: false,
    deleted: false,
  };
  ctx.state.comments.set(comment.id, comment);
  const envelope = instagramCommentEnvelope(
    account.igAccountId,
    {
      id: comment.id,
      from: { id: authorId, username: who.username },
      text: comment.text,
      media: { id: comment.parentObjectId, media_product_type: spec.productType },
      ...(spec.parentCommentId ? { parent_id: spec.parentCommentId } : {}),
    },
    at,
  );
  const delivered = ctx.sender.deliver(envelope, account.appSecret, 'instagram.comment');
  return {
    channel: 'instagram',
    type: 'comment',
    assetId: account.igAccountId,
    customerId: authorId,
    commentId: comment.id,
    envelope,
    delivered,
  };
}
