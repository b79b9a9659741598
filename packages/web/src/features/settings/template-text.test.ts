import { describe, expect, it } from 'vitest';
import { languageName, splitVariables } from './template-text.ts';

describe('template body', () => {
  it('marks positional and named variables, keeping the text around them', () => {
    expect(splitVariables('Hi {{1}}, order {{ order_number }} ships {{2}}')).toEqual([
      { text: 'Hi ', variable: false, start: 0 },
      { text: '{{1}}', variable: true, start: 3 },
      { text: ', order ', variable: false, start: 8 },
      { text: '{{ order_number }}', variable: true, start: 16 },
      { text: ' ships ', variable: false, start: 34 },
      { text: '{{2}}', variable: true, start: 41 },
    ]);
  });

  it('returns a body without variables as one piece, and nothing for an empty body', () => {
    expect(splitVariables('Hello world')).toEqual([{ text: 'Hello world', variable: false, start: 0 }]);
    expect(splitVariables('')).toEqual([]);
  });
});

describe('template language', () => {
  it('names Meta language codes in the UI language', () => {
    expect(languageName('es_MX', 'en')).toBe('Spanish (Mexico)');
    expect(languageName('en_US', 'es')).toMatch(/^inglés \(Estados Unidos\)$/i);
  });

  it('falls back to the code when it cannot be named', () => {
    expect(languageName('not a code!', 'en')).toBe('not a code!');
  });
});
