import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { type SandboxFixture, startSandboxFixture, TEST_APP_SECRET } from '../testing/sandbox.fixture.ts';
import { serializeWebhook, signatureHeader } from './webhook-signer.ts';

function verifiesWithNodeCrypto(raw: Buffer, header: string | undefined, secret: string): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const got = Buffer.from(header.slice(7), 'hex');
  const want = createHmac('sha256', secret).update(raw).digest();
  return got.length === want.length && timingSafeEqual(got, want);
}

describe('webhook signatures', () => {
  let fixture: SandboxFixture;
  afterEach(() => fixture?.close());

  it('signs the exact raw bytes of a body holding raw UTF-8 text, so node:crypto verifies it', async () => {
    fixture = await startSandboxFixture();
    await fixture.inbound({
      channel: 'whatsapp',
      type: 'text',
      text: '¿Cómo estás? 😀',
      name: 'Begoña Ibáñez',
    });
    const [webhook] = await fixture.receiver.waitFor(1);
    expect(webhook?.raw.includes(Buffer.from('¿Cómo estás? 😀', 'utf8'))).toBe(true);
    expect(webhook?.raw.toString('utf8')).not.toContain('\\u00bf');
    expect(verifiesWithNodeCrypto(webhook?.raw ?? Buffer.alloc(0), webhook?.signature, TEST_APP_SECRET)).toBe(
      true,
    );
    expect(
      verifiesWithNodeCrypto(Buffer.from(JSON.stringify(webhook?.body)), webhook?.signature, 'other'),
    ).toBe(false);
  });

  it('escapes non-ASCII as \\uXXXX like Meta when asked, and signs those bytes instead', async () => {
    fixture = await startSandboxFixture({ webhooks: { encoding: 'meta-escaped' } });
    await fixture.inbound({ channel: 'messenger', type: 'text', text: 'Añadí 2 ☕' });
    const [webhook] = await fixture.receiver.waitFor(1);
    const raw = webhook?.raw ?? Buffer.alloc(0);
    expect(raw.toString('latin1')).toContain('A\\u00f1ad\\u00ed 2 \\u2615');
    expect([...raw].every((byte) => byte < 0x80)).toBe(true);
    expect(verifiesWithNodeCrypto(raw, webhook?.signature, TEST_APP_SECRET)).toBe(true);
    expect(JSON.stringify(webhook?.body)).toContain('Añadí 2 ☕');
  });

  it('produces a different signature once the body is re-serialised with escapes', () => {
    const body = { text: 'Ñandú 😀' };
    const raw = serializeWebhook(body);
    const escaped = serializeWebhook(body, 'meta-escaped');
    expect(JSON.parse(escaped.toString('ascii'))).toEqual(body);
    expect(signatureHeader(raw, 's')).not.toBe(signatureHeader(escaped, 's'));
    expect(signatureHeader(raw, 's')).toMatch(/^sha256=[0-9a-f]{64}$/);
  });
});
