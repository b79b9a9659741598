import type { ChannelType } from '@charla/contracts';
import { type MediaLimit, mediaLimitFor } from '@charla/contracts/rules';

const MB = 1024 * 1024;

/**
 * The message kind a file goes as on a channel, or why it cannot go (type or size), in the
 * words the API answers with. The limits themselves live in contracts, shared with the composer.
 */
export function mediaRuleFor(
  channel: ChannelType,
  mimeType: string,
  size: number,
): { ok: true; kind: MediaLimit['kind'] } | { ok: false; reason: string } {
  const limit = mediaLimitFor(channel, mimeType);
  if (!limit) return { ok: false, reason: `${mimeType} files cannot be sent on ${channel}` };
  if (size > limit.maxBytes) {
    return {
      ok: false,
      reason: `is ${(size / MB).toFixed(1)} MB; ${channel} accepts ${mimeType} up to ${(limit.maxBytes / MB).toFixed(1)} MB`,
    };
  }
  return { ok: true, kind: limit.kind };
}
