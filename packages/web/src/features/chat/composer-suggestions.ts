/**
 * The `/` extension point of the composer. Typing `/` followed by words asks the source for
 * matches; picking one replaces the draft with its text. Quick replies (the CRM work) plug in
 * here; until a source is given, `/` is just a character.
 */
export interface ComposerSuggestion {
  id: string;
  title: string;
  text: string;
}

export interface ComposerSuggestionSource {
  /** Matches for what follows the `/`, best first; an empty query lists the most used. */
  search: (query: string) => readonly ComposerSuggestion[];
}

/** The query after a leading `/`, or null when the draft is not asking for a suggestion. */
export function suggestionQuery(text: string): string | null {
  const match = /^\/(\S*)$/u.exec(text);
  return match ? (match[1] ?? '') : null;
}
