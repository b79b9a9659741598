import type { RandomSource } from './random.ts';

/** Generators for the opaque ids Meta hands out, shaped like the real ones and unique per sandbox. */
export interface MetaIds {
  /** A WhatsApp message id (`wamid.…`), base64 of a phone-bearing payload like Meta's. */
  wamid(waId: string): string;
  /** A Messenger message id (`m_…`). */
  messengerMid(): string;
  /** An Instagram message id (`aWdf…`, base64 of `ig_message_item:…`). */
  instagramMid(igAccountId: string): string;
  /** A numeric Graph object id of the given length (media, comments, PSIDs…). */
  numeric(length?: number): string;
  /** A Graph trace id as found in `error.fbtrace_id`. */
  fbtrace(): string;
}

/** Creates id generators; a counter keeps ids unique even when the random source repeats. */
export function createMetaIds(random: RandomSource): MetaIds {
  let counter = 0;
  const tick = (): string => (++counter).toString(36).toUpperCase().padStart(4, '0');
  const token = (length: number): string => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet.charAt(random.int(0, alphabet.length - 1));
    return out;
  };
  return {
    wamid: (waId) =>
      `wamid.${Buffer.from(`\u0015\u0002\u0000\u0012${waId}\u0018${tick()}${token(16)}`).toString('base64')}`,
    messengerMid: () => `m_${token(20)}${tick()}${token(40)}`,
    instagramMid: (igAccountId) =>
      Buffer.from(`ig_message_item:1:IGMessageThread:${igAccountId}:${tick()}${random.digits(18)}`)
        .toString('base64')
        .replace(/=+$/, ''),
    numeric: (length = 16) => `${random.digits(length - 4)}${String(++counter % 10000).padStart(4, '0')}`,
    fbtrace: () => token(11),
  };
}
