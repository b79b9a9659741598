import { describe, expect, it } from 'vitest';
import { hashPassword, randomToken, sha256, verifyPassword } from './crypto.ts';

describe('password hashing', () => {
  it('accepts the right password and refuses any other', async () => {
    const hash = await hashPassword('contraseña segura 🔐');
    expect(hash.startsWith('scrypt$')).toBe(true);
    expect(hash).not.toContain('contraseña');
    await expect(verifyPassword('contraseña segura 🔐', hash)).resolves.toBe(true);
    await expect(verifyPassword('contrasena segura 🔐', hash)).resolves.toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('refuses a malformed stored hash instead of throwing', async () => {
    await expect(verifyPassword('x', 'md5$abc')).resolves.toBe(false);
  });
});

describe('tokens', () => {
  it('are random and URL-safe, and stored as a SHA-256 digest', () => {
    const token = randomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(token);
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
