import type { ChannelType } from '@charla/contracts';

const MB = 1024 * 1024;

interface Rule {
  kind: 'image' | 'video' | 'audio' | 'document' | 'sticker';
  maxBytes: number;
}

const DOCUMENT_TYPES = [
  'text/plain',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];

/** What each channel accepts for outbound media (reference §2.9, §3.4, §4.5). */
const RULES: Record<ChannelType, Record<string, Rule>> = {
  whatsapp: {
    'image/jpeg': { kind: 'image', maxBytes: 5 * MB },
    'image/png': { kind: 'image', maxBytes: 5 * MB },
    'image/webp': { kind: 'sticker', maxBytes: 500 * 1024 },
    'video/mp4': { kind: 'video', maxBytes: 16 * MB },
    'video/3gpp': { kind: 'video', maxBytes: 16 * MB },
    'audio/aac': { kind: 'audio', maxBytes: 16 * MB },
    'audio/amr': { kind: 'audio', maxBytes: 16 * MB },
    'audio/mpeg': { kind: 'audio', maxBytes: 16 * MB },
    'audio/mp4': { kind: 'audio', maxBytes: 16 * MB },
    'audio/ogg': { kind: 'audio', maxBytes: 16 * MB },
    ...Object.fromEntries(
      DOCUMENT_TYPES.map((type) => [type, { kind: 'document' as const, maxBytes: 100 * MB }]),
    ),
  },
  messenger: {
    'image/jpeg': { kind: 'image', maxBytes: 25 * MB },
    'image/png': { kind: 'image', maxBytes: 25 * MB },
    'image/gif': { kind: 'image', maxBytes: 25 * MB },
    'video/mp4': { kind: 'video', maxBytes: 25 * MB },
    'audio/mpeg': { kind: 'audio', maxBytes: 25 * MB },
    'audio/mp4': { kind: 'audio', maxBytes: 25 * MB },
    'audio/aac': { kind: 'audio', maxBytes: 25 * MB },
    ...Object.fromEntries(
      DOCUMENT_TYPES.map((type) => [type, { kind: 'document' as const, maxBytes: 25 * MB }]),
    ),
  },
  instagram: {
    'image/jpeg': { kind: 'image', maxBytes: 8 * MB },
    'image/png': { kind: 'image', maxBytes: 8 * MB },
    'image/gif': { kind: 'image', maxBytes: 8 * MB },
    'video/mp4': { kind: 'video', maxBytes: 25 * MB },
    'video/quicktime': { kind: 'video', maxBytes: 25 * MB },
    'video/webm': { kind: 'video', maxBytes: 25 * MB },
    'audio/aac': { kind: 'audio', maxBytes: 25 * MB },
    'audio/mp4': { kind: 'audio', maxBytes: 25 * MB },
    'audio/wav': { kind: 'audio', maxBytes: 25 * MB },
    'application/pdf': { kind: 'document', maxBytes: 25 * MB },
  },
};

/** The message kind a file goes as on a channel, or why it cannot go (type or size). */
export function mediaRuleFor(
  channel: ChannelType,
  mimeType: string,
  size: number,
): { ok: true; kind: Rule['kind'] } | { ok: false; reason: string } {
  const rule = RULES[channel][mimeType];
  if (!rule) return { ok: false, reason: `${mimeType} files cannot be sent on ${channel}` };
  if (size > rule.maxBytes) {
    return {
      ok: false,
      reason: `is ${(size / MB).toFixed(1)} MB; ${channel} accepts ${mimeType} up to ${(rule.maxBytes / MB).toFixed(1)} MB`,
    };
  }
  return { ok: true, kind: rule.kind };
}
