export { ChatView, type ChatViewProps } from './ChatView.tsx';
export { chatApi } from './chat.api.ts';
export type { ComposerSuggestion, ComposerSuggestionSource } from './composer-suggestions.ts';
export { conversationQueryKey } from './conversation.queries.ts';
