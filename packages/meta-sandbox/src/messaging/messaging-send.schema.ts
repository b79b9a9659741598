import { z } from 'zod';

const attachmentSchema = z.object({
  type: z.enum(['image', 'video', 'audio', 'file', 'template', 'like_heart', 'MEDIA_SHARE']),
  payload: z
    .object({
      url: z.url({ protocol: /^https?$/ }).optional(),
      attachment_id: z.string().min(1).optional(),
      is_reusable: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
      id: z.string().optional(),
      template_type: z.string().optional(),
    })
    .loose()
    .optional(),
});

const messageSchema = z
  .object({
    text: z.string().min(1).max(2000).optional(),
    attachment: attachmentSchema.optional(),
    quick_replies: z
      .array(
        z.object({
          content_type: z.enum(['text', 'user_phone_number', 'user_email']),
          title: z.string().max(20).optional(),
          payload: z.union([z.string().max(1000), z.number()]).optional(),
          image_url: z.string().optional(),
        }),
      )
      .max(13)
      .optional(),
    metadata: z.string().max(1000).optional(),
  })
  .refine(
    (m) => (m.text === undefined) !== (m.attachment === undefined),
    'must have exactly one of text or attachment',
  );

/**
 * Body of `POST /{page-id | ig-id | me}/messages` (reference §3.4–3.5, §4.5, §5.3): a message or
 * a sender action to a PSID/IGSID, or a private reply to a comment.
 */
export const messagingSendSchema = z
  .object({
    recipient: z
      .object({
        id: z.string().min(1).optional(),
        comment_id: z.string().min(1).optional(),
        post_id: z.string().min(1).optional(),
        user_ref: z.string().min(1).optional(),
      })
      .refine(
        (r) => Object.values(r).filter(Boolean).length === 1,
        'must have exactly one of id, comment_id, post_id, user_ref',
      ),
    messaging_type: z.enum(['RESPONSE', 'UPDATE', 'MESSAGE_TAG']).optional(),
    tag: z
      .enum(['HUMAN_AGENT', 'CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE', 'ACCOUNT_UPDATE'])
      .optional(),
    message: messageSchema.optional(),
    sender_action: z.enum(['typing_on', 'typing_off', 'mark_seen', 'react', 'unreact']).optional(),
    payload: z.object({ message_id: z.string().min(1), reaction: z.string().optional() }).optional(),
    notification_type: z.enum(['REGULAR', 'SILENT_PUSH', 'NO_PUSH']).optional(),
    reply_to: z.object({ mid: z.string().min(1) }).optional(),
  })
  .refine((b) => (b.message === undefined) !== (b.sender_action === undefined), {
    message: 'must have exactly one of message or sender_action',
    path: ['message'],
  })
  .refine((b) => b.messaging_type !== 'MESSAGE_TAG' || b.tag !== undefined, {
    message: 'is required with messaging_type MESSAGE_TAG',
    path: ['tag'],
  })
  .refine((b) => !(b.sender_action === 'react' || b.sender_action === 'unreact') || b.payload !== undefined, {
    message: 'is required for react and unreact',
    path: ['payload'],
  });

/** A validated Messenger/Instagram send. */
export type MessagingSend = z.output<typeof messagingSendSchema>;
