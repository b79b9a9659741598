import type {
  ChangesEnvelope,
  FeedCommentValue,
  InstagramCommentValue,
} from '../webhooks/webhook-envelope.ts';

/** A Facebook feed comment event (reference §5.1). */
export interface FeedCommentSpec {
  verb: FeedCommentValue['verb'];
  commentId: string;
  postId: string;
  /** The post for a top-level comment, the parent comment for a reply. */
  parentId: string;
  from: { id: string; name: string };
  message?: string;
  createdMs: number;
}

/** Builds a `feed` change value. */
export function buildFeedComment(spec: FeedCommentSpec): FeedCommentValue {
  return {
    item: 'comment',
    verb: spec.verb,
    comment_id: spec.commentId,
    post_id: spec.postId,
    parent_id: spec.parentId,
    from: spec.from,
    ...(spec.verb === 'remove' || spec.message === undefined ? {} : { message: spec.message }),
    created_time: Math.floor(spec.createdMs / 1000),
    post: {
      id: spec.postId,
      status_type: 'added_photos',
      is_published: true,
      updated_time: new Date(spec.createdMs).toISOString().replace(/\.\d{3}Z$/, '+0000'),
      promotion_status: 'inactive',
    },
  };
}

/** A Page `feed` webhook (`object: "page"` with `changes`, not `messaging`). */
export function feedCommentEnvelope(
  pageId: string,
  value: FeedCommentValue,
  timeMs: number,
): ChangesEnvelope {
  return {
    object: 'page',
    entry: [{ id: pageId, time: Math.floor(timeMs / 1000), changes: [{ field: 'feed', value }] }],
  };
}

/** An Instagram `comments` webhook (reference §5.2). */
export function instagramCommentEnvelope(
  igAccountId: string,
  value: InstagramCommentValue,
  timeMs: number,
): ChangesEnvelope {
  return {
    object: 'instagram',
    entry: [{ id: igAccountId, time: Math.floor(timeMs / 1000), changes: [{ field: 'comments', value }] }],
  };
}

/** An Instagram `mentions` webhook (Facebook-Login path). */
export function instagramMentionEnvelope(
  igAccountId: string,
  mention: { mediaId: string; commentId?: string },
  timeMs: number,
): ChangesEnvelope {
  return {
    object: 'instagram',
    entry: [
      {
        id: igAccountId,
        time: Math.floor(timeMs / 1000),
        changes: [
          {
            field: 'mentions',
            value: {
              media_id: mention.mediaId,
              ...(mention.commentId ? { comment_id: mention.commentId } : {}),
            },
          },
        ],
      },
    ],
  };
}
