import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

function isPrivateV4(address: string): boolean {
  const [a = 0, b = 0] = address.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224
  );
}

function isPrivateV6(address: string): boolean {
  const lower = address.toLowerCase();
  if (lower === '::1' || lower === '::') return true;
  if (lower.startsWith('::ffff:')) return isPrivateV4(lower.slice('::ffff:'.length));
  return /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower);
}

/**
 * Refuses URLs the server must not fetch on a payload's say-so: other schemes, and hosts that
 * resolve to private, loopback or link-local addresses (SSRF). `trustedHosts` (the configured
 * Graph API host, e.g. the local sandbox) are exempt.
 */
export async function assertFetchableUrl(url: string, trustedHosts: readonly string[] = []): Promise<URL> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`not a URL: ${url}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new Error(`refusing to fetch ${parsed.protocol} URLs`);
  if (trustedHosts.includes(parsed.host)) return parsed;
  const hostname = parsed.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(hostname)
    ? [{ address: hostname, family: isIP(hostname) }]
    : await lookup(hostname, { all: true });
  for (const { address, family } of addresses) {
    if (family === 4 ? isPrivateV4(address) : isPrivateV6(address)) {
      throw new Error(`refusing to fetch ${parsed.host}: it resolves to a private address`);
    }
  }
  return parsed;
}
