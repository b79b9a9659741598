import { describe, expect, it } from 'vitest';
import { parsePreferences } from './notification-preferences.ts';

describe('stored notification preferences', () => {
  it('starts with pop-ups and sound on, browser notifications off until the member asks', () => {
    expect(parsePreferences(null)).toEqual({ toasts: true, sound: true, desktop: false });
  });

  it('keeps what the member chose and the defaults for anything unreadable', () => {
    expect(parsePreferences('{"sound":false,"desktop":true}')).toEqual({
      toasts: true,
      sound: false,
      desktop: true,
    });
    expect(parsePreferences('{"toasts":"no"}')).toEqual({ toasts: true, sound: true, desktop: false });
    expect(parsePreferences('not json')).toEqual({ toasts: true, sound: true, desktop: false });
  });
});
