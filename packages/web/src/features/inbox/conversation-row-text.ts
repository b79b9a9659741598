import type { ConversationStatus, MessageKind } from '@charla/contracts';

/** What a message kind is called in a preview when it has no text of its own. */
export const KIND_LABELS = {
  text: 'inbox.kind.text',
  image: 'inbox.kind.image',
  video: 'inbox.kind.video',
  audio: 'inbox.kind.audio',
  document: 'inbox.kind.document',
  sticker: 'inbox.kind.sticker',
  location: 'inbox.kind.location',
  contacts: 'inbox.kind.contacts',
  reaction: 'inbox.kind.reaction',
  interactive_reply: 'inbox.kind.interactive_reply',
  template: 'inbox.kind.template',
  story_reply: 'inbox.kind.story_reply',
  story_mention: 'inbox.kind.story_mention',
  share: 'inbox.kind.share',
  unsupported: 'inbox.kind.unsupported',
  deleted: 'inbox.kind.deleted',
  note: 'inbox.kind.note',
  activity: 'inbox.kind.activity',
} as const satisfies Record<MessageKind, string>;

export const STATUS_LABELS = {
  new: 'inbox.status.new',
  open: 'inbox.status.open',
  pending: 'inbox.status.pending',
  resolved: 'inbox.status.resolved',
} as const satisfies Record<ConversationStatus, string>;

/** The server writes `[kind]` when a message has no text: the row shows the kind's name instead. */
export function hasOwnText(preview: string, kind: MessageKind): boolean {
  return preview !== '' && preview !== `[${kind}]`;
}

/** Up to two initials of a display name ("María López" → "ML"); digits-only names get "#". */
export function initialsOf(displayName: string): string {
  const words = displayName
    .trim()
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word));
  const letters = words.slice(0, 2).map((word) => [...word.replace(/^[^\p{L}]+/u, '')][0] ?? '');
  return letters.join('').toUpperCase() || '#';
}
