import { describe, expect, it } from 'vitest';
import { sniffMimeType } from './content-sniffer.ts';
import { mediaRuleFor } from './media-limits.ts';

const bytes = (...values: number[]) => Buffer.from([...values, ...new Array(16).fill(0x20)]);

describe('file type by content', () => {
  it('recognises images, audio, video and documents by their bytes, not their names', () => {
    expect(sniffMimeType(bytes(0xff, 0xd8, 0xff, 0xe0), 'x.pdf')).toBe('image/jpeg');
    expect(sniffMimeType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), null)).toBe('image/png');
    expect(sniffMimeType(Buffer.from('%PDF-1.7\n...'), 'foto.jpg')).toBe('application/pdf');
    expect(sniffMimeType(Buffer.from('OggS\0\0\0'), null)).toBe('audio/ogg');
    expect(sniffMimeType(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42')]), null)).toBe(
      'video/mp4',
    );
    expect(sniffMimeType(bytes(0x50, 0x4b, 0x03, 0x04), 'lista.xlsx')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(sniffMimeType(Buffer.from('Pedido: 3 camisas, talla M — gracias'), 'pedido.txt')).toBe(
      'text/plain',
    );
    expect(sniffMimeType(Buffer.from([0x00, 0x01, 0x02, 0x03]), 'raro.bin')).toBeNull();
  });
});

describe('per-channel media limits', () => {
  it('checks type and size per channel with a reason a person can read', () => {
    expect(mediaRuleFor('whatsapp', 'image/jpeg', 1024)).toEqual({ ok: true, kind: 'image' });
    expect(mediaRuleFor('whatsapp', 'image/jpeg', 6 * 1024 * 1024)).toEqual({
      ok: false,
      reason: 'is 6.0 MB; whatsapp accepts image/jpeg up to 5.0 MB',
    });
    expect(mediaRuleFor('instagram', 'application/msword', 10)).toEqual({
      ok: false,
      reason: 'application/msword files cannot be sent on instagram',
    });
    expect(mediaRuleFor('whatsapp', 'application/pdf', 50 * 1024 * 1024)).toEqual({
      ok: true,
      kind: 'document',
    });
  });
});
