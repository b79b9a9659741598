import { describe, expect, it } from 'vitest';
import { buildSearchText, displayNameOf, looksLikePhone, searchNeedle } from './customer-search.ts';

describe('customer search text', () => {
  it('finds names regardless of accents and case', () => {
    const text = buildSearchText({ firstName: 'José', lastName: 'Ñúñez', profileName: 'Pepe 🌵' });
    expect(text).toContain(searchNeedle('JOSE NUÑ'));
    expect(text).toContain(searchNeedle('ñunez'));
  });

  it('finds a phone typed with spaces, dashes, brackets or +', () => {
    const text = buildSearchText({ phone: '5215512345678' });
    for (const typed of ['+52 55 1234 5678', '(55) 1234-5678', '+521 55 1234 5678', '1234-5678']) {
      expect(looksLikePhone(typed)).toBe(true);
      expect(text).toContain(searchNeedle(typed));
    }
  });

  it('treats words as words and e-mails as text', () => {
    expect(looksLikePhone('ana')).toBe(false);
    expect(searchNeedle('Ana.Lopez@Example.com')).toBe('ana.lopez@example.com');
  });
});

describe('display name', () => {
  it('prefers first and last name, then the profile name, then the phone', () => {
    const base = { first_name: null, last_name: null, profile_name: null, phone: null };
    expect(displayNameOf({ ...base, first_name: 'Ana', last_name: 'Gómez', profile_name: 'anita' })).toBe(
      'Ana Gómez',
    );
    expect(displayNameOf({ ...base, profile_name: 'anita' })).toBe('anita');
    expect(displayNameOf({ ...base, phone: '5215512345678' })).toBe('+5215512345678');
  });
});
