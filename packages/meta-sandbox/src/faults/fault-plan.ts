import { z } from 'zod';
import { OPERATIONS, type Operation, operationMatches, SEND_OPERATIONS } from '../graph/graph-operation.ts';
import type { RandomSource } from '../platform/random.ts';
import { type StatusPlanPatch, statusPlanPatchSchema } from '../statuses/status-plan.ts';

const operationPattern = z
  .string()
  .refine(
    (pattern) => OPERATIONS.some((operation) => operationMatches(pattern, operation)),
    'must name an operation (e.g. whatsapp.send), a glob (whatsapp.*) or *',
  );

const targeting = {
  /** Which calls: an operation, a glob like `whatsapp.*`, a list of them, or `*` (default). */
  operation: z.union([operationPattern, z.array(operationPattern).min(1)]).default('*'),
  /** Only calls on this phone-number id, Page id or Instagram account id. */
  assetId: z.string().optional(),
  /** Apply to the next N matching calls, then disappear; omitted = until cleared. */
  times: z.number().int().min(1).optional(),
  /** Chance that a matching call is hit (a miss does not use up `times`). */
  probability: z.number().min(0).max(1).default(1),
};

/** Codes the `throttle` fault can answer with (reference §2.10, §3.8, §6.1). */
export const THROTTLE_CODES = [4, 17, 32, 613, 80001, 80002, 80006, 80007, 130429, 131056] as const;

/** One fault rule (`POST /__sandbox/faults`). */
export const faultRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    ...targeting,
    kind: z.literal('http-error'),
    status: z.number().int().min(500).max(599).default(500),
    /** `graph` (JSON error), `html` (a proxy page) or `empty`. */
    body: z.enum(['graph', 'html', 'empty']).default('graph'),
  }),
  z.object({
    ...targeting,
    kind: z.literal('throttle'),
    /** Default: 130429 for WhatsApp sends, 80007 for WABA management, 613 for Messenger/Instagram, else 4. */
    code: z.literal(THROTTLE_CODES).optional(),
    status: z.number().int().min(400).max(599).optional(),
    /** `estimated_time_to_regain_access` in the usage header, in minutes. */
    regainAccessMinutes: z.number().int().min(0).default(1),
  }),
  z.object({
    ...targeting,
    kind: z.literal('graph-error'),
    code: z.number().int(),
    subcode: z.number().int().optional(),
    status: z.number().int().min(400).max(599).optional(),
    message: z.string().optional(),
    details: z.string().optional(),
  }),
  z.object({ ...targeting, kind: z.literal('delay'), ms: z.number().int().min(0).max(120_000) }),
  /** The send is accepted and recorded, statuses flow, but the connection is destroyed unanswered. */
  z.object({ ...targeting, kind: z.literal('drop-response') }),
  z.object({
    ...targeting,
    kind: z.literal('window-closed'),
    mode: z.enum(['sync', 'async']).default('sync'),
  }),
  z.object({
    ...targeting,
    kind: z.literal('undeliverable'),
    mode: z.enum(['sync', 'async']).default('async'),
  }),
  z.object({ ...targeting, kind: z.literal('statuses'), plan: statusPlanPatchSchema }),
]);

/** A fault rule as given to `faults.add` or the admin API. */
export type FaultRuleInput = z.input<typeof faultRuleSchema>;
/** A validated fault rule. */
export type FaultRuleSpec = z.output<typeof faultRuleSchema>;
/** A fault rule held by the plan, with its id and remaining uses. */
export type FaultRule = FaultRuleSpec & { id: string; remaining: number | null; hits: number };

/** Faults that decide the HTTP answer (at most one per call). */
export type OutcomeFault = Extract<
  FaultRule,
  { kind: 'http-error' | 'throttle' | 'graph-error' | 'drop-response' | 'window-closed' | 'undeliverable' }
>;

/** What the faults decided for one call. */
export interface FaultDecision {
  delayMs: number;
  outcome?: OutcomeFault;
  statusPlan?: StatusPlanPatch;
  /** Ids of the rules that fired. */
  fired: string[];
}

const SEND_ONLY = new Set(['window-closed', 'undeliverable', 'statuses']);

/** The active fault rules and the dice that decide whether they fire. */
export class FaultPlan {
  private rules: FaultRule[] = [];
  private nextId = 1;

  constructor(private readonly random: RandomSource) {}

  /** Validates and adds a rule; returns it with its id. */
  add(input: FaultRuleInput): FaultRule {
    const spec = faultRuleSchema.parse(input);
    const rule: FaultRule = { ...spec, id: `fault-${this.nextId++}`, remaining: spec.times ?? null, hits: 0 };
    this.rules.push(rule);
    return rule;
  }

  /** The active rules, oldest first. */
  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  /** Removes one rule, or all of them without an id. */
  clear(id?: string): void {
    this.rules = id === undefined ? [] : this.rules.filter((rule) => rule.id !== id);
  }

  /** Decides the faults of one call and uses up the rules that fired. */
  take(operation: Operation, assetId: string | null): FaultDecision {
    const decision: FaultDecision = { delayMs: 0, fired: [] };
    for (const rule of this.rules) {
      if (!this.applies(rule, operation, assetId)) continue;
      const isOutcome = rule.kind !== 'delay' && rule.kind !== 'statuses';
      if (isOutcome && decision.outcome) continue;
      if (rule.probability < 1 && !this.random.chance(rule.probability)) continue;
      rule.hits++;
      if (rule.remaining !== null) rule.remaining--;
      decision.fired.push(rule.id);
      if (rule.kind === 'delay') decision.delayMs += rule.ms;
      else if (rule.kind === 'statuses') decision.statusPlan = { ...decision.statusPlan, ...rule.plan };
      else decision.outcome = rule;
    }
    this.rules = this.rules.filter((rule) => rule.remaining === null || rule.remaining > 0);
    return decision;
  }

  private applies(rule: FaultRule, operation: Operation, assetId: string | null): boolean {
    if (SEND_ONLY.has(rule.kind) && !SEND_OPERATIONS.includes(operation)) return false;
    if (rule.assetId !== undefined && rule.assetId !== assetId) return false;
    const patterns = Array.isArray(rule.operation) ? rule.operation : [rule.operation];
    return patterns.some((pattern) => operationMatches(pattern, operation));
  }
}
