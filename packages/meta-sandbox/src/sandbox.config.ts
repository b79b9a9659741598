import { z } from 'zod';
import { statusPlanPatchSchema } from './statuses/status-plan.ts';
import { webhookSettingsPatchSchema } from './webhooks/webhook.sender.ts';

/** Body of `POST /__sandbox/config` and argument of `sandbox.configure()`. */
export const sandboxConfigPatchSchema = z.object({
  /** Where webhooks go; null stops sending (they are still recorded as skipped). */
  webhookUrl: z.url().nullable().optional(),
  /** Default app secret (assets configured without their own use it). */
  appSecret: z.string().min(1).optional(),
  /** The 24 h window: `async` (failed 131047 status), `sync` (131047 answer) or `off`. */
  windowEnforcement: z.enum(['async', 'sync', 'off']).optional(),
  /** Status webhooks after each send. */
  statuses: statusPlanPatchSchema.optional(),
  /** Webhook delivery, including webhook-side faults. */
  webhooks: webhookSettingsPatchSchema.optional(),
  /** `app_id` in echoes and `subscribed_apps`. */
  appId: z.number().int().positive().optional(),
  /** Lifetime of WhatsApp media URLs. */
  mediaUrlTtlMs: z.number().int().min(1).optional(),
});

/** A change of sandbox behaviour. */
export type SandboxConfigPatch = z.input<typeof sandboxConfigPatchSchema>;
