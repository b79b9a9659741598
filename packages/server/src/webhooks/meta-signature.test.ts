import { describe, expect, it } from 'vitest';
import { signMetaBody, verifyMetaSignature } from './meta-signature.ts';

describe('Meta webhook signatures', () => {
  const body = Buffer.from('{"text":"¿Cómo estás? 😀 ñandú","escaped":"\\u00e4"}', 'utf8');

  it('verifies a body with accents and emoji over its raw bytes', () => {
    const header = signMetaBody(body, 'app-secret');
    expect(verifyMetaSignature(body, header, ['other-secret', 'app-secret'])).toBe(true);
  });

  it('refuses a re-serialised body, a wrong secret and malformed headers', () => {
    const header = signMetaBody(body, 'app-secret');
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8'))));
    expect(verifyMetaSignature(reserialised, header, ['app-secret'])).toBe(false);
    expect(verifyMetaSignature(body, header, ['wrong'])).toBe(false);
    for (const bad of [undefined, '', 'sha1=abc', 'sha256=zz', `sha256=${'0'.repeat(63)}`]) {
      expect(verifyMetaSignature(body, bad, ['app-secret'])).toBe(false);
    }
  });
});
