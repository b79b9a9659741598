import { describe, expect, it } from 'vitest';
import { assertFetchableUrl } from './ssrf-guard.ts';

describe('the SSRF guard', () => {
  it('refuses private, loopback and link-local addresses and other schemes', async () => {
    for (const url of [
      'http://127.0.0.1/x',
      'http://10.1.2.3/',
      'http://192.168.0.1/',
      'http://169.254.169.254/latest',
      'http://[::1]/',
      'file:///etc/passwd',
      'http://localhost:4000/',
    ]) {
      await expect(assertFetchableUrl(url)).rejects.toThrow();
    }
  });

  it('accepts public addresses and the trusted Graph host', async () => {
    await expect(assertFetchableUrl('https://93.184.216.34/media')).resolves.toBeInstanceOf(URL);
    await expect(
      assertFetchableUrl('http://127.0.0.1:4000/media/1', ['127.0.0.1:4000']),
    ).resolves.toBeInstanceOf(URL);
  });
});
