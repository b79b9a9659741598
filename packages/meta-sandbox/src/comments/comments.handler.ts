import { GraphError } from '../graph/graph-error.ts';
import { type GraphRequest, type GraphResponse, type RouteMatch, success } from '../graph/graph-route.ts';
import { tokensOf } from '../messaging/messaging-asset.resolver.ts';
import type { SandboxContext } from '../sandbox.context.ts';
import type { CommentRecord } from '../state/sandbox-state.ts';
import {
  buildFeedComment,
  feedCommentEnvelope,
  instagramCommentEnvelope,
} from './comments-inbound.builder.ts';

function truthy(value: unknown): boolean | undefined {
  if (value === true || value === 'true' || value === '1') return true;
  if (value === false || value === 'false' || value === '0') return false;
  return undefined;
}

function record(
  ctx: SandboxContext,
  comment: CommentRecord,
  operation: 'comment.reply' | 'comment.hide' | 'comment.delete' | 'comment.like',
  id: string,
  payload: unknown,
): void {
  ctx.state.recordSent({
    id,
    channel: comment.channel === 'facebook' ? 'messenger' : 'instagram',
    operation,
    assetId: comment.assetId,
    recipient: comment.id,
    payload,
    at: ctx.clock(),
    responseDropped: false,
  });
}

/** Emits the webhook Meta sends for the business's own comment activity (reply or removal). */
function emitOwnActivity(ctx: SandboxContext, comment: CommentRecord, verb: 'add' | 'remove'): void {
  const now = ctx.clock();
  if (comment.channel === 'facebook') {
    const page = ctx.assets.messengerByPageId(comment.assetId);
    if (!page) return;
    const value = buildFeedComment({
      verb,
      commentId: comment.id,
      postId: comment.parentObjectId,
      parentId: comment.parentCommentId ?? comment.parentObjectId,
      from: { id: comment.authorId, name: comment.authorName },
      message: comment.text,
      createdMs: verb === 'add' ? comment.createdAt : now,
    });
    void ctx.sender.deliver(
      feedCommentEnvelope(page.pageId, value, now),
      page.appSecret,
      `messenger.comment.${verb}`,
    );
    return;
  }
  const ig = ctx.assets.instagramById(comment.assetId);
  if (!ig || verb !== 'add') return;
  const value = {
    id: comment.id,
    from: { id: comment.authorId, username: comment.authorName },
    text: comment.text,
    media: { id: comment.parentObjectId, media_product_type: 'FEED' },
    ...(comment.parentCommentId ? { parent_id: comment.parentCommentId } : {}),
  };
  void ctx.sender.deliver(
    instagramCommentEnvelope(ig.igAccountId, value, now),
    ig.appSecret,
    'instagram.comment.add',
  );
}

function reply(req: GraphRequest, ctx: SandboxContext, comment: CommentRecord): GraphResponse {
  const message = req.params.message;
  if (typeof message !== 'string' || message.trim() === '') {
    throw new GraphError(100, { message: 'param message must be non-empty.' });
  }
  if (comment.deleted)
    throw new GraphError(100, { subcode: 33, message: `Comment ${comment.id} does not exist` });
  if (comment.channel === 'instagram' && comment.hidden) {
    throw new GraphError(100, { message: 'Hidden comments cannot be replied to.' });
  }
  // Instagram attaches a reply to a reply to the top-level comment; Facebook nests it.
  const parent =
    comment.channel === 'instagram' && comment.parentCommentId ? comment.parentCommentId : comment.id;
  const own = comment.channel === 'facebook' ? ctx.assets.messengerByPageId(comment.assetId) : undefined;
  const ig = comment.channel === 'instagram' ? ctx.assets.instagramById(comment.assetId) : undefined;
  const suffix = ctx.ids.numeric(16);
  const id =
    comment.channel === 'facebook' ? `${comment.parentObjectId.split('_').pop() ?? ''}_${suffix}` : suffix;
  const created: CommentRecord = {
    id,
    channel: comment.channel,
    assetId: comment.assetId,
    authorId: comment.assetId,
    authorName: own?.name ?? ig?.username ?? 'Charla',
    parentObjectId: comment.parentObjectId,
    parentCommentId: parent,
    text: message,
    createdAt: ctx.clock(),
    hidden: false,
    deleted: false,
  };
  ctx.state.comments.set(id, created);
  record(ctx, comment, 'comment.reply', id, req.params);
  emitOwnActivity(ctx, created, 'add');
  return { status: 200, json: { id } };
}

function commentObject(comment: CommentRecord): Record<string, unknown> {
  if (comment.channel === 'facebook') {
    return {
      created_time: new Date(comment.createdAt).toISOString().replace(/\.\d{3}Z$/, '+0000'),
      from: { name: comment.authorName, id: comment.authorId },
      message: comment.text,
      is_hidden: comment.hidden,
      id: comment.id,
    };
  }
  return {
    id: comment.id,
    text: comment.text,
    username: comment.authorName,
    hidden: comment.hidden,
    timestamp: new Date(comment.createdAt).toISOString().replace(/\.\d{3}Z$/, '+0000'),
  };
}

/** Reply (`/comments` on Facebook, `/replies` on Instagram), hide, like, read and delete a comment. */
export function routeComments(req: GraphRequest, ctx: SandboxContext): RouteMatch | null {
  const comment = ctx.state.comments.get(req.id);
  if (!comment) return null;
  const owner =
    comment.channel === 'facebook'
      ? ctx.assets.messengerByPageId(comment.assetId)
      : ctx.assets.instagramById(comment.assetId);
  const authorize = (token: string | null): boolean =>
    owner !== undefined && token !== null && tokensOf(ctx, owner).includes(token);
  const match = (operation: RouteMatch['operation'], handle: () => GraphResponse): RouteMatch => ({
    operation,
    assetId: comment.assetId,
    authorize,
    handle,
  });
  const replyEdge = comment.channel === 'facebook' ? 'comments' : 'replies';
  if (req.method === 'POST' && req.edge === replyEdge)
    return match('comment.reply', () => reply(req, ctx, comment));
  if (req.method === 'POST' && req.edge === 'likes') {
    return match('comment.like', () => {
      record(ctx, comment, 'comment.like', `like-${comment.id}`, req.params);
      return success();
    });
  }
  if (req.edge !== null) return null;
  if (req.method === 'GET')
    return match('comment.get', () => ({ status: 200, json: commentObject(comment) }));
  if (req.method === 'DELETE') {
    return match('comment.delete', () => {
      comment.deleted = true;
      record(ctx, comment, 'comment.delete', `delete-${comment.id}`, req.params);
      emitOwnActivity(ctx, comment, 'remove');
      return success();
    });
  }
  if (req.method === 'POST') {
    const hidden = truthy(comment.channel === 'facebook' ? req.params.is_hidden : req.params.hide);
    if (hidden === undefined) {
      throw new GraphError(100, {
        message: `param ${comment.channel === 'facebook' ? 'is_hidden' : 'hide'} must be a boolean.`,
      });
    }
    return match('comment.hide', () => {
      comment.hidden = hidden;
      record(ctx, comment, 'comment.hide', `hide-${comment.id}`, req.params);
      return success();
    });
  }
  return null;
}
