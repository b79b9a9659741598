export { QuickRepliesPage } from './QuickRepliesPage.tsx';
export { quickReplySuggestions } from './quick-reply-suggestions.ts';
