/** A key with its modifiers. `mod` is Ctrl, or ⌘ on a Mac. */
export type KeyCombo = { key: string; mod?: boolean };

/** The part of a KeyboardEvent shortcuts look at. */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

export type ShortcutSection = 'general' | 'list' | 'conversation' | 'palette';

export type ShortcutId =
  | 'palette'
  | 'sheet'
  | 'newChat'
  | 'search'
  | 'closeDialog'
  | 'nextConversation'
  | 'previousConversation'
  | 'listMove'
  | 'listEnds'
  | 'listOpen'
  | 'resolve'
  | 'assignToMe'
  | 'paletteMove'
  | 'paletteRun';

export type Shortcut = {
  id: ShortcutId;
  section: ShortcutSection;
  /** Alternatives: any one of them works. */
  combos: readonly KeyCombo[];
  /** Also while typing in a field (only for chords with Ctrl/⌘, which type nothing). */
  whileTyping?: boolean;
  /** Handled by the browser or the focused widget; listed so the sheet is complete. */
  builtIn?: boolean;
};

/** Every shortcut of the app, in the order the `?` sheet lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'palette', section: 'general', combos: [{ key: 'k', mod: true }], whileTyping: true },
  { id: 'sheet', section: 'general', combos: [{ key: '?' }] },
  { id: 'newChat', section: 'general', combos: [{ key: 'n' }] },
  { id: 'search', section: 'general', combos: [{ key: '/' }] },
  { id: 'closeDialog', section: 'general', combos: [{ key: 'Escape' }], builtIn: true },
  { id: 'nextConversation', section: 'list', combos: [{ key: 'j' }] },
  { id: 'previousConversation', section: 'list', combos: [{ key: 'k' }] },
  // Inside the list the list moves its own focus (see ConversationList); listed for completeness.
  {
    id: 'listMove',
    section: 'list',
    combos: [{ key: 'ArrowUp' }, { key: 'ArrowDown' }],
    builtIn: true,
  },
  { id: 'listEnds', section: 'list', combos: [{ key: 'Home' }, { key: 'End' }], builtIn: true },
  { id: 'listOpen', section: 'list', combos: [{ key: 'Enter' }], builtIn: true },
  { id: 'resolve', section: 'conversation', combos: [{ key: 'e' }] },
  { id: 'assignToMe', section: 'conversation', combos: [{ key: 'a' }] },
  {
    id: 'paletteMove',
    section: 'palette',
    combos: [{ key: 'ArrowUp' }, { key: 'ArrowDown' }],
    builtIn: true,
  },
  { id: 'paletteRun', section: 'palette', combos: [{ key: 'Enter' }], builtIn: true },
];

/** Whether a key press is this combination. Shift is part of symbols like `?`, so only letters check it. */
export function matchesCombo(press: KeyPress, combo: KeyCombo): boolean {
  if (press.altKey) return false;
  if ((press.ctrlKey || press.metaKey) !== (combo.mod ?? false)) return false;
  const isLetter = /^[a-z]$/i.test(combo.key);
  if (isLetter) return !press.shiftKey && press.key.toLowerCase() === combo.key;
  return press.key === combo.key;
}

/** Whether keys typed into this element are text, so single-key shortcuts must stay quiet. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(
      target.type,
    );
  }
  const role = target.getAttribute('role');
  return role === 'textbox' || role === 'combobox' || role === 'searchbox';
}

/** The app shortcut a key press means here, if any (built-in ones are left to the browser). */
export function shortcutFor(press: KeyPress, typing: boolean): ShortcutId | null {
  for (const shortcut of SHORTCUTS) {
    if (shortcut.builtIn || (typing && !shortcut.whileTyping)) continue;
    if (shortcut.combos.some((combo) => matchesCombo(press, combo))) return shortcut.id;
  }
  return null;
}

const KEY_NAMES: Record<string, string> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  Enter: 'Enter',
  Escape: 'Esc',
  Home: 'Home',
  End: 'End',
};

/** The keys as printed on the keyboard: `['⌘', 'K']` on a Mac, `['Ctrl', 'K']` elsewhere. */
export function comboKeys(combo: KeyCombo, mac: boolean): string[] {
  const key = KEY_NAMES[combo.key] ?? (combo.key.length === 1 ? combo.key.toUpperCase() : combo.key);
  return combo.mod ? [mac ? '⌘' : 'Ctrl', key] : [key];
}

/** Whether this browser runs on an Apple keyboard (⌘ instead of Ctrl in labels). */
export function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}
