import { describe, expect, it } from 'vitest';
import { acceptedMediaTypes, mediaProblemFor } from './media-limits.ts';

describe('per-channel media limits', () => {
  it('names the limit a too-large file breaks, and a type the channel does not take', () => {
    expect(mediaProblemFor('whatsapp', 'image/png', 6 * 1024 * 1024)).toEqual({
      problem: 'size',
      mimeType: 'image/png',
      size: 6 * 1024 * 1024,
      maxBytes: 5 * 1024 * 1024,
    });
    expect(mediaProblemFor('instagram', 'application/msword', 10)).toEqual({
      problem: 'type',
      mimeType: 'application/msword',
    });
    expect(mediaProblemFor('messenger', 'image/gif', 1024)).toBeNull();
  });

  it('lists what a channel accepts', () => {
    expect(acceptedMediaTypes('instagram')).toContain('video/quicktime');
    expect(acceptedMediaTypes('whatsapp')).not.toContain('image/gif');
  });
});
