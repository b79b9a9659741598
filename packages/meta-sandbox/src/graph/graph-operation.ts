/**
 * Names of the Graph calls the sandbox answers. Faults target them (globs like `whatsapp.*`
 * work) and the sent log records them.
 */
export const OPERATIONS = [
  'whatsapp.send',
  'whatsapp.mark-read',
  'whatsapp.media-upload',
  'whatsapp.phone-number',
  'whatsapp.business-account',
  'whatsapp.templates',
  'whatsapp.block-users',
  'whatsapp.subscribed-apps',
  'media.get',
  'media.delete',
  'media.download',
  'messenger.send',
  'messenger.sender-action',
  'instagram.send',
  'instagram.sender-action',
  'messaging.attachment-upload',
  'messaging.subscribed-apps',
  'messaging.private-reply',
  'account.get',
  'profile.get',
  'comment.reply',
  'comment.hide',
  'comment.delete',
  'comment.like',
  'comment.get',
] as const;

/** One Graph call the sandbox answers. */
export type Operation = (typeof OPERATIONS)[number];

/** Operations that send something to a customer and therefore produce status webhooks. */
export const SEND_OPERATIONS: readonly Operation[] = [
  'whatsapp.send',
  'messenger.send',
  'instagram.send',
  'messaging.private-reply',
];

/** Whether `operation` matches a pattern: an exact name, `*`, or a prefix glob like `whatsapp.*`. */
export function operationMatches(pattern: string, operation: Operation): boolean {
  if (pattern === '*' || pattern === operation) return true;
  return pattern.endsWith('*') && operation.startsWith(pattern.slice(0, -1));
}
