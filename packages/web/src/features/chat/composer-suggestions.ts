/**
 * The `/` extension point of the composer. Typing `/` followed by a word asks the source for
 * matches; picking one replaces the draft with its text (and attaches its file, if any). Quick
 * replies plug in here; without a source, `/` is just a character.
 */
export interface ComposerSuggestion {
  id: string;
  /** What was typed after `/` to find it, shown with the title. */
  shortcut: string;
  title: string;
  text: string;
  /** A file sent with the text, fetched from `url` when the suggestion is picked. */
  file: { url: string; fileName: string | null; mimeType: string } | null;
}

export interface ComposerSuggestionSource {
  /**
   * A hook: the matches for what follows the `/` (null: the draft is not asking), best first.
   * The composer calls it on every render, so a source must stay the same for a composer's life.
   */
  useMatches: (query: string | null) => readonly ComposerSuggestion[];
}

/** The source of a composer nobody plugged suggestions into. */
export const NO_SUGGESTIONS: ComposerSuggestionSource = { useMatches: () => [] };

/** The query after a leading `/`, or null when the draft is not asking for a suggestion. */
export function suggestionQuery(text: string): string | null {
  const match = /^\/(\S*)$/u.exec(text);
  return match ? (match[1] ?? '') : null;
}

/** A suggestion's file as a File the composer can check and send like a picked one. */
export async function suggestionFile(file: NonNullable<ComposerSuggestion['file']>): Promise<File> {
  const response = await fetch(file.url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status} fetching ${file.url}`);
  const blob = await response.blob();
  return new File([blob], file.fileName ?? 'file', { type: file.mimeType });
}
