import { describe, expect, it } from 'vitest';
import { comboKeys, type KeyPress, matchesCombo, shortcutFor } from './shortcut-keys.ts';

const press = (key: string, changes: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...changes,
});

describe('keyboard shortcuts', () => {
  it('opens the palette with Ctrl+K or ⌘K, even while typing', () => {
    expect(shortcutFor(press('k', { ctrlKey: true }), false)).toBe('palette');
    expect(shortcutFor(press('k', { metaKey: true }), true)).toBe('palette');
    expect(shortcutFor(press('K', { ctrlKey: true }), true)).toBe('palette');
  });

  it('moves to the next and previous conversation with J and K, while K with Ctrl/⌘ stays the palette', () => {
    expect(shortcutFor(press('j'), false)).toBe('nextConversation');
    expect(shortcutFor(press('k'), false)).toBe('previousConversation');
    expect(shortcutFor(press('k', { metaKey: true }), false)).toBe('palette');
  });

  it('keeps single-key shortcuts quiet while the member types in a field', () => {
    expect(shortcutFor(press('e'), false)).toBe('resolve');
    expect(shortcutFor(press('e'), true)).toBeNull();
    expect(shortcutFor(press('?', { shiftKey: true }), true)).toBeNull();
    expect(shortcutFor(press('/'), true)).toBeNull();
  });

  it('reads ? typed with Shift as the shortcut sheet, but not Shift+letter as a letter shortcut', () => {
    expect(shortcutFor(press('?', { shiftKey: true }), false)).toBe('sheet');
    expect(shortcutFor(press('E', { shiftKey: true }), false)).toBeNull();
  });

  it('ignores presses with other modifiers, so browser and system shortcuts keep working', () => {
    expect(shortcutFor(press('n', { ctrlKey: true }), false)).toBeNull();
    expect(shortcutFor(press('a', { metaKey: true }), false)).toBeNull();
    expect(matchesCombo(press('k', { ctrlKey: true, altKey: true }), { key: 'k', mod: true })).toBe(false);
  });

  it('leaves built-in keys (Escape, arrows, Enter) to the browser and the focused widget', () => {
    expect(shortcutFor(press('Escape'), false)).toBeNull();
    expect(shortcutFor(press('Enter'), false)).toBeNull();
  });

  it('prints ⌘ on a Mac and Ctrl elsewhere', () => {
    expect(comboKeys({ key: 'k', mod: true }, true)).toEqual(['⌘', 'K']);
    expect(comboKeys({ key: 'k', mod: true }, false)).toEqual(['Ctrl', 'K']);
    expect(comboKeys({ key: 'ArrowDown' }, false)).toEqual(['↓']);
  });
});
