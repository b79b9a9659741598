import { useEffect, useRef } from 'react';
import { isTypingTarget, type ShortcutId, shortcutFor } from './shortcut-keys.ts';

export type ShortcutHandlers = Partial<Record<ShortcutId, () => void>>;

/**
 * Listens for the app's shortcuts on the whole page. Single keys stay quiet while the member
 * types in a field or a modal dialog is open; Ctrl/⌘+K works everywhere. The latest handlers
 * are used; they need not be memoised.
 */
export function useGlobalShortcuts(handlers: ShortcutHandlers): void {
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });
  useEffect(() => {
    function handleKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing || event.repeat) return;
      const busy = isTypingTarget(event.target) || document.querySelector('dialog[open]') !== null;
      const id = shortcutFor(event, busy);
      const handler = id ? handlersRef.current[id] : undefined;
      if (!handler) return;
      event.preventDefault();
      handler();
    }
    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, []);
}
