import { z } from 'zod';
import { idSchema, timestampSchema } from '../common/primitives.ts';
import { amountMinorSchema, currencyCodeSchema, moneyTotalSchema } from './money.schema.ts';

const titleSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(200, { message: 'must be at most 200 characters' });

/** A calendar date `YYYY-MM-DD` (no time, no zone). */
const calendarDateSchema = z.iso.date({ message: 'must be a date like 2026-03-31' });

export const funnelStageSchema = z.object({ id: idSchema, name: z.string(), position: z.number().int() });
export type FunnelStage = z.infer<typeof funnelStageSchema>;

/** A sales funnel: its stages in board order. */
export const funnelSchema = z.object({
  id: idSchema,
  name: z.string(),
  stages: z.array(funnelStageSchema),
  createdAt: timestampSchema,
});
export type Funnel = z.infer<typeof funnelSchema>;
export const funnelListResponseSchema = z.object({ items: z.array(funnelSchema) });
export const funnelParamsSchema = z.object({ funnelId: idSchema });

export const createFunnelRequestSchema = z.object({
  name: titleSchema,
  stages: z
    .array(titleSchema)
    .min(1, { message: 'must list at least one stage' })
    .max(30, { message: 'must list at most 30 stages' }),
});
export type CreateFunnelRequest = z.input<typeof createFunnelRequestSchema>;

/**
 * Renames a funnel and/or sets its stages in their new order: a stage with an `id` is kept
 * (renamed, moved), one without is added, and a stage left out is removed (refused while it
 * holds deals).
 */
export const updateFunnelRequestSchema = z.object({
  name: titleSchema.optional(),
  stages: z
    .array(z.object({ id: idSchema.optional(), name: titleSchema }))
    .min(1, { message: 'must list at least one stage' })
    .max(30, { message: 'must list at most 30 stages' })
    .optional(),
});
export type UpdateFunnelRequest = z.input<typeof updateFunnelRequestSchema>;

export const dealSchema = z.object({
  id: idSchema,
  title: z.string(),
  /** Minor units of `currency`. */
  amount: z.number().int(),
  currency: z.string(),
  funnelId: idSchema,
  stageId: idSchema,
  customer: z.object({ id: idSchema, displayName: z.string() }),
  owner: z.object({ id: idSchema, name: z.string() }).nullable(),
  expectedCloseDate: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Deal = z.infer<typeof dealSchema>;
export const dealParamsSchema = z.object({ dealId: idSchema });

export const createDealRequestSchema = z.object({
  title: titleSchema,
  customerId: idSchema,
  amount: amountMinorSchema,
  currency: currencyCodeSchema,
  /** The stage it starts in; its funnel follows. */
  stageId: idSchema,
  /** Defaults to the member creating it. */
  ownerId: idSchema.nullable().optional(),
  expectedCloseDate: calendarDateSchema.nullable().optional(),
});
export type CreateDealRequest = z.input<typeof createDealRequestSchema>;

/** Any subset of a deal's fields; a new `stageId` moves the deal (to any funnel's stage). */
export const updateDealRequestSchema = z.object({
  title: titleSchema.optional(),
  customerId: idSchema.optional(),
  amount: amountMinorSchema.optional(),
  currency: currencyCodeSchema.optional(),
  stageId: idSchema.optional(),
  ownerId: idSchema.nullable().optional(),
  expectedCloseDate: calendarDateSchema.nullable().optional(),
});
export type UpdateDealRequest = z.input<typeof updateDealRequestSchema>;

const minorUnitsQuery = z.coerce
  .number({ message: 'must be a whole number of minor units' })
  .int({ message: 'must be a whole number of minor units' })
  .nonnegative({ message: 'must not be negative' });

export const dealListQuerySchema = z.object({
  funnel: idSchema.optional(),
  stage: idSchema.optional(),
  /** A member id, or `me`. */
  owner: idSchema.optional(),
  customer: idSchema.optional(),
  minAmount: minorUnitsQuery.optional(),
  maxAmount: minorUnitsQuery.optional(),
});
export type DealListQuery = z.input<typeof dealListQuerySchema>;

/** One column of the board: how many deals the filters left in a stage and their totals by currency. */
export const dealStageSummarySchema = z.object({
  stageId: idSchema,
  count: z.number().int(),
  totals: z.array(moneyTotalSchema),
});
export type DealStageSummary = z.infer<typeof dealStageSummarySchema>;

export const dealListResponseSchema = z.object({
  items: z.array(dealSchema),
  stages: z.array(dealStageSummarySchema),
});
export type DealListResponse = z.infer<typeof dealListResponseSchema>;
