import type { ChannelType, ConversationStatus } from '@charla/contracts';
import type { Random } from './seed-random.ts';

const DAY = 86_400_000;

/** How long the seeded history reaches back. */
export const SEEDED_PERIOD_MS = 90 * DAY;

/** A thread long enough to exercise deep paging and a virtualised list (the web target is 20k). */
const LONG_THREAD_MESSAGES = 20_000;

/**
 * Splits `total` messages over `conversations`: every conversation gets at least one, most get
 * a handful, a heavy tail gets hundreds (Pareto), and with enough messages one thread gets
 * 20,000. Returns the count per conversation and the index of the longest.
 */
export function allocateMessages(
  rng: Random,
  conversations: number,
  total: number,
): { counts: Int32Array; longest: number } {
  const counts = new Int32Array(conversations).fill(1);
  let remaining = total - conversations;
  if (conversations === 0 || remaining <= 0) return { counts, longest: 0 };
  const longIndex = rng.int(0, conversations - 1);
  if (total >= 200_000) {
    const long = Math.min(LONG_THREAD_MESSAGES, Math.floor(remaining / 10));
    counts[longIndex] = (counts[longIndex] ?? 1) + long;
    remaining -= long;
  }
  const weights = new Float64Array(conversations);
  let sum = 0;
  for (let i = 0; i < conversations; i += 1) {
    // Pareto with alpha 1.3, capped: a median thread of a few messages, a tail of hundreds.
    const weight = Math.min(600, (1 - rng.next()) ** (-1 / 1.3)) - 0.6;
    weights[i] = weight;
    sum += weight;
  }
  let given = 0;
  for (let i = 0; i < conversations; i += 1) {
    const share = Math.floor((remaining * (weights[i] ?? 0)) / sum);
    counts[i] = (counts[i] ?? 1) + share;
    given += share;
  }
  for (let left = remaining - given; left > 0; left -= 1) {
    const i = rng.int(0, conversations - 1);
    counts[i] = (counts[i] ?? 1) + 1;
  }
  let longest = 0;
  for (let i = 1; i < conversations; i += 1) if ((counts[i] ?? 0) > (counts[longest] ?? 0)) longest = i;
  return { counts, longest };
}

/** When a conversation last moved: some today, many in the last two weeks, the rest over 90 days. */
export function lastActivityAt(rng: Random, now: number): number {
  const roll = rng.next();
  if (roll < 0.15) return now - rng.int(60_000, DAY);
  if (roll < 0.5) return now - rng.int(DAY, 14 * DAY);
  return now - rng.int(14 * DAY, SEEDED_PERIOD_MS - DAY);
}

/**
 * Where the conversation stands: old ones are mostly resolved, recent ones mostly waiting.
 * Unassigned chats are never pending (a member's reply would have claimed them), and a
 * single-message chat cannot be pending (nobody replied).
 */
export function statusFor(rng: Random, age: number, owned: boolean, messages: number): ConversationStatus {
  const resolvedShare = age < DAY ? 0.15 : age < 7 * DAY ? 0.45 : 0.75;
  if (rng.chance(resolvedShare)) return 'resolved';
  const status = owned
    ? rng.weighted<ConversationStatus>([
        ['new', 25],
        ['open', 15],
        ['pending', 60],
      ])
    : rng.weighted<ConversationStatus>([
        ['new', 60],
        ['open', 40],
      ]);
  return status === 'pending' && messages < 2 ? 'open' : status;
}

/** Channel mix: most chats on WhatsApp (the first number busier), the rest on Messenger and Instagram. */
export function channelWeights<T extends { type: ChannelType }>(
  channels: readonly T[],
): (readonly [T, number])[] {
  let whatsapp = 0;
  return channels.map((channel) => {
    if (channel.type !== 'whatsapp') return [channel, 15] as const;
    whatsapp += 1;
    return [channel, whatsapp === 1 ? 45 : 25] as const;
  });
}
