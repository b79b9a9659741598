import { useEffect, useMemo } from 'react';

/** The list as it stands: rows in order, the open one, and how to open another. */
interface ListNavigation {
  ids: readonly string[];
  selectedId: string | null;
  open: (conversationId: string) => void;
}

/** The conversation list on screen registers here, so shortcuts elsewhere can move through it. */
let current: ListNavigation | null = null;

/**
 * The id `delta` rows away from `fromId` (down is positive); from nothing, the first row going
 * down or the last going up. Null past either end.
 */
export function stepFrom(ids: readonly string[], fromId: string | null, delta: number): string | null {
  if (ids.length === 0) return null;
  const index = fromId === null ? -1 : ids.indexOf(fromId);
  if (index === -1) return (delta > 0 ? ids[0] : ids.at(-1)) ?? null;
  return ids[index + delta] ?? null;
}

/** Called by the conversation list: makes its rows the ones `useConversationNavigation` moves through. */
export function useRegisterConversationNavigation(navigation: ListNavigation): void {
  useEffect(() => {
    current = navigation;
    return () => {
      if (current === navigation) current = null;
    };
  });
}

/**
 * Opens the next or previous conversation of the list on screen (for shortcuts and the command
 * palette). Each returns false when there is no list or no row that way.
 */
export function useConversationNavigation() {
  return useMemo(() => {
    const step = (delta: number): boolean => {
      if (!current) return false;
      const target = stepFrom(current.ids, current.selectedId, delta);
      if (target === null) return false;
      current.open(target);
      return true;
    };
    return { openNext: () => step(1), openPrevious: () => step(-1) };
  }, []);
}
