import type { ComposerSuggestion, ComposerSuggestionSource } from '../chat/index.ts';
import { useQuickReplies } from './quick-replies.queries.ts';

/** At most this many replies are offered under the composer. */
const MAX_SUGGESTIONS = 8;

/** The composer's `/`: saved replies matching what follows it, from `GET /quick-replies?q=`. */
export const quickReplySuggestions: ComposerSuggestionSource = {
  useMatches(query: string | null): readonly ComposerSuggestion[] {
    const replies = useQuickReplies(query ?? '', query !== null);
    if (query === null || !replies.data) return [];
    return replies.data.slice(0, MAX_SUGGESTIONS).map((reply) => ({
      id: reply.id,
      shortcut: reply.shortcut,
      title: reply.title,
      text: reply.text,
      file: reply.media
        ? { url: reply.media.url, fileName: reply.media.fileName, mimeType: reply.media.mimeType }
        : null,
    }));
  },
};
