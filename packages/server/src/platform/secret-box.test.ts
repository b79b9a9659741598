import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretBox, loadEncryptionKey } from './secret-box.ts';

describe('secret box', () => {
  it('round-trips a token and never stores it in clear', () => {
    const box = createSecretBox('k'.repeat(32));
    const sealed = box.seal('EAAG-token-ñ');
    expect(sealed).not.toContain('EAAG');
    expect(box.open(sealed)).toBe('EAAG-token-ñ');
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses a tampered or foreign-key secret', () => {
    const sealed = createSecretBox('a'.repeat(32)).seal('secret');
    expect(() => createSecretBox('b'.repeat(32)).open(sealed)).toThrow();
    const tampered = `${sealed.slice(0, -2)}AA`;
    expect(() => createSecretBox('a'.repeat(32)).open(tampered)).toThrow();
  });

  it('generates a key once into the data folder, readable only by its owner', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'charla-key-'));
    const first = loadEncryptionKey({ dataDir });
    expect(loadEncryptionKey({ dataDir })).toBe(first);
    expect(statSync(path.join(dataDir, 'encryption.key')).mode & 0o777).toBe(0o600);
    expect(loadEncryptionKey({ dataDir, ENCRYPTION_KEY: 'x'.repeat(40) })).toBe('x'.repeat(40));
  });
});
