import type { ChannelType } from './channels.schema.ts';

const MB = 1024 * 1024;

/** The message kind a file type goes as, and the largest file of that type a channel takes. */
export interface MediaLimit {
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
const LIMITS: Record<ChannelType, Record<string, MediaLimit>> = {
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

/** The limit for one file type on one channel, or null when the channel does not take that type. */
export function mediaLimitFor(channel: ChannelType, mimeType: string): MediaLimit | null {
  return LIMITS[channel][mimeType] ?? null;
}

/** Every file type a channel takes (of one kind, if given), e.g. for a file picker's `accept`. */
export function acceptedMediaTypes(channel: ChannelType, kind?: MediaLimit['kind']): string[] {
  return Object.entries(LIMITS[channel])
    .filter(([, limit]) => kind === undefined || limit.kind === kind)
    .map(([type]) => type);
}

/** Why a file cannot go on a channel: its type, or its size (with the limit); null when it can. */
export type MediaProblem =
  | { problem: 'type'; mimeType: string }
  | { problem: 'size'; mimeType: string; size: number; maxBytes: number };

/**
 * Checks a file against a channel's limits, and against the kind wanted if given (a template's
 * image header takes only images). The server checks again by content after upload.
 */
export function mediaProblemFor(
  channel: ChannelType,
  mimeType: string,
  size: number,
  kind?: MediaLimit['kind'],
): MediaProblem | null {
  const limit = mediaLimitFor(channel, mimeType);
  if (!limit || (kind !== undefined && limit.kind !== kind)) return { problem: 'type', mimeType };
  if (size > limit.maxBytes) return { problem: 'size', mimeType, size, maxBytes: limit.maxBytes };
  return null;
}
