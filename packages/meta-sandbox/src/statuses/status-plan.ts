import { z } from 'zod';

/** Changes to how status webhooks follow each accepted send. */
export const statusPlanPatchSchema = z.object({
  /**
   * `in-order` sent → delivered → read; `reversed` read → delivered → sent; `shuffled` random
   * order; `duplicated` each status twice; `failed` one `failed` status with `failure`; `none`.
   */
  mode: z.enum(['in-order', 'reversed', 'shuffled', 'duplicated', 'failed', 'none']).optional(),
  /** The furthest state reached (a customer who never opens the chat stops at `delivered`). */
  stopAfter: z.enum(['sent', 'delivered', 'read']).optional(),
  /** Wait before each status webhook. */
  stepDelayMs: z.number().int().min(0).max(600_000).optional(),
  /** Error of the `failed` mode (WhatsApp `errors[]`). */
  failure: z.object({ code: z.number().int(), details: z.string().optional() }).optional(),
  /** Messenger/Instagram: send a `message_echoes` event for each send first. */
  echoes: z.boolean().optional(),
});

/** A patch of the status plan. */
export type StatusPlanPatch = z.input<typeof statusPlanPatchSchema>;

/** How status webhooks follow each accepted send. */
export interface StatusPlan {
  mode: 'in-order' | 'reversed' | 'shuffled' | 'duplicated' | 'failed' | 'none';
  stopAfter: 'sent' | 'delivered' | 'read';
  stepDelayMs: number;
  failure: { code: number; details?: string };
  echoes: boolean;
}

/** Defaults: every send is sent, delivered and read, at once, with echoes. */
export const DEFAULT_STATUS_PLAN: StatusPlan = {
  mode: 'in-order',
  stopAfter: 'read',
  stepDelayMs: 0,
  failure: { code: 131026 },
  echoes: true,
};

/** Applies a validated patch to a plan. */
export function applyStatusPlan(plan: StatusPlan, patch: StatusPlanPatch = {}): StatusPlan {
  const p = statusPlanPatchSchema.parse(patch);
  return {
    mode: p.mode ?? plan.mode,
    stopAfter: p.stopAfter ?? plan.stopAfter,
    stepDelayMs: p.stepDelayMs ?? plan.stepDelayMs,
    failure: p.failure ?? plan.failure,
    echoes: p.echoes ?? plan.echoes,
  };
}

/** The states reached under `stopAfter`, in their natural order. */
export function statesUpTo(stopAfter: StatusPlan['stopAfter']): Array<'sent' | 'delivered' | 'read'> {
  const all = ['sent', 'delivered', 'read'] as const;
  return all.slice(0, all.indexOf(stopAfter) + 1);
}
