export { ChatView, type ChatViewProps } from './ChatView.tsx';
export type { ComposerSuggestion, ComposerSuggestionSource } from './composer-suggestions.ts';
