import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks `X-Hub-Signature-256: sha256=<hex>` against the exact raw bytes with any of the
 * candidate app secrets (a channel's own, or the default). Hashing a re-serialised body would
 * fail on non-ASCII text, so only the raw bytes are ever hashed.
 */
export function verifyMetaSignature(
  rawBody: Buffer,
  header: string | undefined,
  secrets: readonly string[],
): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const presented = Buffer.from(header.slice('sha256='.length), 'hex');
  if (presented.length !== 32) return false;
  return secrets.some((secret) =>
    timingSafeEqual(createHmac('sha256', secret).update(rawBody).digest(), presented),
  );
}

/** The header value Meta would send for this body (the sandbox and tests sign with it). */
export function signMetaBody(rawBody: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}
