/** Where drafts live: the browser's localStorage, or any Storage (tests, private mode). */
type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'charla.draft.';

/** What the composer keeps per conversation until it is sent. */
export interface Draft {
  text: string;
  note: boolean;
}

function isDraft(value: unknown): value is Draft {
  return (
    typeof value === 'object' &&
    value !== null &&
    'text' in value &&
    typeof value.text === 'string' &&
    'note' in value &&
    typeof value.note === 'boolean'
  );
}

/**
 * Drafts per conversation, so switching chats (or reloading) never loses a half-written reply.
 * Storage that is full or disabled only means the draft is not kept; typing never fails.
 */
export function createDraftStore(storage: DraftStorage | null) {
  return {
    load(conversationId: string): Draft | null {
      try {
        const raw = storage?.getItem(PREFIX + conversationId);
        if (!raw) return null;
        const parsed: unknown = JSON.parse(raw);
        return isDraft(parsed) ? parsed : null;
      } catch {
        return null;
      }
    },
    save(conversationId: string, draft: Draft): void {
      try {
        if (draft.text.trim() === '') storage?.removeItem(PREFIX + conversationId);
        else storage?.setItem(PREFIX + conversationId, JSON.stringify(draft));
      } catch {
        // Quota or privacy settings: the draft stays on screen, just not across reloads.
      }
    },
    clear(conversationId: string): void {
      try {
        storage?.removeItem(PREFIX + conversationId);
      } catch {
        // See save().
      }
    },
  };
}

function browserStorage(): DraftStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The app's draft store, over localStorage. */
export const drafts = createDraftStore(browserStorage());
