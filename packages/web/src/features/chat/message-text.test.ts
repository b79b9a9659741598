import { describe, expect, it } from 'vitest';
import { splitMessageText } from './message-text.ts';

describe('message text', () => {
  it('finds links, leaving surrounding punctuation out of them', () => {
    expect(splitMessageText('Mira https://charla.test/planes_2026. ¿Te sirve?')).toEqual([
      { type: 'text', text: 'Mira ' },
      { type: 'link', text: 'https://charla.test/planes_2026', href: 'https://charla.test/planes_2026' },
      { type: 'text', text: '. ¿Te sirve?' },
    ]);
    expect(splitMessageText('www.charla.test')).toEqual([
      { type: 'link', text: 'www.charla.test', href: 'https://www.charla.test' },
    ]);
  });

  it("reads WhatsApp's bold, italic, strike and mono marks", () => {
    expect(splitMessageText('*Oferta* _hoy_ ~ayer~ ```code```')).toEqual([
      { type: 'bold', text: 'Oferta' },
      { type: 'text', text: ' ' },
      { type: 'italic', text: 'hoy' },
      { type: 'text', text: ' ' },
      { type: 'strike', text: 'ayer' },
      { type: 'text', text: ' ' },
      { type: 'mono', text: 'code' },
    ]);
  });

  it('keeps markup-looking text as plain text', () => {
    expect(splitMessageText('<img src=x onerror=alert(1)> 2*3*4')).toEqual([
      { type: 'text', text: '<img src=x onerror=alert(1)> 2*3*4' },
    ]);
  });
});
