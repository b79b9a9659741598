import { useState } from 'react';
import { useConversationNavigation } from '../inbox/index.ts';
import { openNewChat } from '../new-chat/new-chat-store.ts';
import { CommandPalette } from './CommandPalette.tsx';
import { useOpenConversationActions } from './conversation-actions.ts';
import { ShortcutsSheet } from './ShortcutsSheet.tsx';
import { useGlobalShortcuts } from './useGlobalShortcuts.ts';

/** Focuses the conversation search, wherever the list shows it. */
function focusSearch() {
  const search = document.querySelector<HTMLInputElement>('main input[type="search"]');
  search?.focus();
  search?.select();
}

/** The signed-in app's keyboard: global shortcuts, the command palette and the `?` sheet. */
export function ShortcutLayer() {
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [sheetOpen, setSheetOpen] = useState(false);
  const conversation = useOpenConversationActions();
  const list = useConversationNavigation();

  useGlobalShortcuts({
    palette: () => setPaletteOpen((open) => !open),
    sheet: () => setSheetOpen(true),
    newChat: openNewChat,
    search: focusSearch,
    nextConversation: list.openNext,
    previousConversation: list.openPrevious,
    resolve: conversation.resolve,
    assignToMe: conversation.assignToMe,
  });

  return (
    <>
      <CommandPalette
        open={paletteOpen}
        onClose={() => setPaletteOpen(false)}
        onOpenSheet={() => setSheetOpen(true)}
      />
      <ShortcutsSheet open={sheetOpen} onClose={() => setSheetOpen(false)} />
    </>
  );
}
