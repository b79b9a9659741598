export { NewChatButton } from './NewChatButton.tsx';
export { NewChatDialog } from './NewChatDialog.tsx';
export { openNewChat } from './new-chat-store.ts';
