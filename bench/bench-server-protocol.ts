import { z } from 'zod';

/** The header that marks a request as one the benchmark times (load generators do not send it). */
export const BENCH_SAMPLE_HEADER = 'x-bench-sample';

/** What the benchmark asks its server process: forget timings, report them, or stop. */
export const benchCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reset') }),
  z.object({ type: z.literal('stats') }),
  z.object({ type: z.literal('stop') }),
]);
export type BenchCommand = z.infer<typeof benchCommandSchema>;

/** What the server process answers. */
export const benchServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), url: z.string() }),
  z.object({ type: z.literal('reset') }),
  z.object({
    type: z.literal('stats'),
    /** Resident set size in bytes. */
    rss: z.number(),
    /** Milliseconds per timed request since the last reset, as Fastify measured them. */
    timings: z.array(z.number()),
  }),
]);
export type BenchServerMessage = z.infer<typeof benchServerMessageSchema>;
