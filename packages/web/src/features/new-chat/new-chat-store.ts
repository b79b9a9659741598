import { useSyncExternalStore } from 'react';

/** Whether the New chat dialog is open; the top-bar button, `n` and the palette all open it. */
let open = false;
const listeners = new Set<() => void>();

function publish(next: boolean) {
  open = next;
  for (const listener of listeners) listener();
}

export const openNewChat = () => publish(true);
export const closeNewChat = () => publish(false);

export function useNewChatOpen(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => open,
  );
}
