import { createHmac } from 'node:crypto';

/**
 * How webhook bodies are encoded. `utf8`: non-ASCII text stays raw UTF-8 (the default, and the
 * harder case for a receiver that re-serialises). `meta-escaped`: non-ASCII as lowercase
 * `\uXXXX`, the way Meta renders its bodies.
 */
export type WebhookEncoding = 'utf8' | 'meta-escaped';

/** Serialises a webhook body to the exact bytes that are signed and sent. */
export function serializeWebhook(body: unknown, encoding: WebhookEncoding = 'utf8'): Buffer {
  const json = JSON.stringify(body);
  if (encoding === 'utf8') return Buffer.from(json, 'utf8');
  // Non-ASCII only occurs inside JSON strings, so escaping each UTF-16 unit keeps the JSON valid.
  const escaped = json.replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return Buffer.from(escaped, 'ascii');
}

/** `X-Hub-Signature-256`: `sha256=` + hex HMAC-SHA256 of the raw bytes with the app secret. */
export function signatureHeader(rawBody: Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** The legacy `X-Hub-Signature` (HMAC-SHA1) some integrations still read. */
export function legacySignatureHeader(rawBody: Buffer, appSecret: string): string {
  return `sha1=${createHmac('sha1', appSecret).update(rawBody).digest('hex')}`;
}
