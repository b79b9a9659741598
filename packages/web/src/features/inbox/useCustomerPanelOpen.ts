import { useState } from 'react';

const STORAGE_KEY = 'charla.customerPanel';

/** Below this width the panel starts closed, so the chat keeps room to breathe. */
const WIDE_SCREEN = '(min-width: 1200px)';

function readInitial(): boolean {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'open' || saved === 'closed') return saved === 'open';
  } catch {
    // Storage may be disabled; fall back to the screen size.
  }
  return window.matchMedia(WIDE_SCREEN).matches;
}

/** Whether the customer panel is shown beside the chat; the choice is remembered per device. */
export function useCustomerPanelOpen(): [boolean, () => void] {
  const [open, setOpen] = useState(readInitial);
  function toggle(): void {
    setOpen((previous) => {
      try {
        localStorage.setItem(STORAGE_KEY, previous ? 'closed' : 'open');
      } catch {
        // Not remembered, still toggled.
      }
      return !previous;
    });
  }
  return [open, toggle];
}
