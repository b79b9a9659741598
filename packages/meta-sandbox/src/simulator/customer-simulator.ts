import type { InboundInput } from '../inbound/inbound-input.schema.ts';
import { createRandom, type RandomSource } from '../platform/random.ts';
import { createPersona, type Locale, type Persona } from './customer-personas.ts';
import { CAPTIONS, COMMENTS, PHRASES, REACTION_EMOJI } from './customer-phrases.ts';

/** A messaging channel customers can write on. */
export type SimulatedChannel = 'whatsapp' | 'messenger' | 'instagram';

/** Where simulated actions go: the in-process sandbox or `POST /__sandbox/inbound`. */
export type InboundSink = (input: InboundInput) => Promise<unknown>;

/** Options of a simulation run. */
export interface SimulatorOptions {
  /** Channels customers write on; default all three. */
  channels?: SimulatedChannel[];
  /** Also post public comments on Facebook and Instagram (default true). */
  comments?: boolean;
  /** Actions per second (default 1). */
  ratePerSecond?: number;
  /** Stop after this many actions. */
  count?: number;
  /** Stop after this long. Without count or duration the run lasts until `stop()`. */
  durationMs?: number;
  /** Size of the customer pool; customers come back and write again (default 25). */
  customers?: number;
  /** Language of the customers; default mixed (about 3 in 4 Spanish). */
  locale?: Locale | 'mixed';
  /** Seed for replayable runs. */
  seed?: number;
  /** Most actions in flight at once (default 64). */
  maxInFlight?: number;
}

/** Totals of a run. */
export interface SimulatorReport {
  sent: number;
  failed: number;
  byChannel: Record<SimulatedChannel, number>;
  byType: Record<string, number>;
  durationMs: number;
}

/** Scripted customers writing in at a steady rate. */
export interface CustomerSimulator {
  /** The next action, without sending it (tests, or custom pacing). */
  next(): InboundInput;
  /** Sends actions at the configured rate until count, duration or `stop()`. */
  run(): Promise<SimulatorReport>;
  /** Ends a run after the actions in flight settle. */
  stop(): void;
}

interface PoolMember {
  persona: Persona;
  channel: SimulatedChannel;
  wrote: boolean;
}

function nextAction(random: RandomSource, member: PoolMember, comments: boolean): InboundInput {
  const { persona, channel } = member;
  const from = channel === 'whatsapp' ? persona.waId : channel === 'messenger' ? persona.psid : persona.igsid;
  const who = { from, name: `${persona.firstName} ${persona.lastName}`, locale: persona.locale };
  const text = random.pick(PHRASES[persona.locale]);
  const roll = random.next();
  if (channel === 'whatsapp') {
    if (roll < 0.72 || !member.wrote) return { channel, type: 'text', ...who, text };
    if (roll < 0.78)
      return { channel, type: 'image', ...who, caption: random.pick(CAPTIONS[persona.locale]) };
    if (roll < 0.81) return { channel, type: 'audio', ...who };
    if (roll < 0.83) return { channel, type: 'document', ...who };
    if (roll < 0.86) return { channel, type: 'location', ...who };
    if (roll < 0.9) return { channel, type: 'reaction', ...who, emoji: random.pick(REACTION_EMOJI) };
    if (roll < 0.92) return { channel, type: 'sticker', ...who };
    if (roll < 0.95) return { channel, type: 'text', ...who, text, referral: true };
    return { channel, type: 'text', ...who, text };
  }
  if (comments && roll > 0.93) {
    return { channel, type: 'comment', ...who, text: random.pick(COMMENTS[persona.locale]) };
  }
  if (roll < 0.8 || !member.wrote) return { channel, type: 'text', ...who, text };
  if (roll < 0.87) return { channel, type: 'image', ...who };
  if (channel === 'messenger') {
    return roll < 0.9 ? { channel, type: 'sticker', ...who } : { channel, type: 'postback', ...who };
  }
  return roll < 0.9 ? { channel, type: 'story_reply', ...who, text } : { channel, type: 'share', ...who };
}

/** Creates a simulator that feeds `sink` with realistic Spanish and English customer actions. */
export function createCustomerSimulator(
  sink: InboundSink,
  options: SimulatorOptions = {},
): CustomerSimulator {
  const random = createRandom(options.seed);
  const channels = options.channels ?? ['whatsapp', 'messenger', 'instagram'];
  if (channels.length === 0) throw new Error('The simulator needs at least one channel');
  const rate = options.ratePerSecond ?? 1;
  if (!(rate > 0)) throw new Error('ratePerSecond must be positive');
  let idCounter = 0;
  const numeric = (length: number): string =>
    `${random.digits(length - 4)}${String(++idCounter % 10000).padStart(4, '0')}`;
  const pool: PoolMember[] = Array.from({ length: Math.max(1, options.customers ?? 25) }, (_, i) => ({
    persona: createPersona(
      random,
      numeric,
      options.locale === 'mixed' || !options.locale ? undefined : options.locale,
    ),
    channel: channels[i % channels.length] ?? 'whatsapp',
    wrote: false,
  }));
  let stopped = false;
  let wake: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;

  const next = (): InboundInput => {
    const member = random.pick(pool);
    const action = nextAction(random, member, options.comments ?? true);
    if (action.type !== 'comment') member.wrote = true;
    return action;
  };
  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });

  return {
    next,
    stop() {
      stopped = true;
      clearTimeout(timer);
      wake?.();
    },
    async run() {
      const started = Date.now();
      const report: SimulatorReport = {
        sent: 0,
        failed: 0,
        byChannel: { whatsapp: 0, messenger: 0, instagram: 0 },
        byType: {},
        durationMs: 0,
      };
      const inFlight = new Set<Promise<unknown>>();
      const maxInFlight = options.maxInFlight ?? 64;
      for (let i = 0; !stopped; i++) {
        if (options.count !== undefined && i >= options.count) break;
        const due = started + (i * 1000) / rate;
        if (options.durationMs !== undefined && due - started >= options.durationMs) break;
        if (due > Date.now()) await pause(due - Date.now());
        if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
        if (stopped) break;
        const action = next();
        const work = sink(action).then(
          () => {
            report.sent++;
            report.byChannel[action.channel]++;
            report.byType[action.type] = (report.byType[action.type] ?? 0) + 1;
          },
          () => {
            report.failed++;
          },
        );
        inFlight.add(work);
        void work.finally(() => inFlight.delete(work));
      }
      await Promise.all(inFlight);
      report.durationMs = Date.now() - started;
      return report;
    },
  };
}
