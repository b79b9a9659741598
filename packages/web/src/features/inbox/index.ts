export { useConversationNavigation } from './conversation-navigation.ts';
export { InboxPage } from './InboxPage.tsx';
