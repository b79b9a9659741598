import { z } from 'zod';
import { emailSchema, idSchema, timestampSchema } from '../common/primitives.ts';
import { IMPORT_PROBLEM_CATALOG, type ImportProblemCode } from './import-problems.ts';
import { amountMinorSchema, currencyCodeSchema, moneyTotalSchema } from './money.schema.ts';

export const ORDER_STATUSES = ['pending', 'paid', 'cancelled'] as const;
export const orderStatusSchema = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

/** Where an order came from. */
export const orderSourceSchema = z.enum(['manual', 'api', 'import']);

export const orderItemSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(200, { message: 'must be at most 200 characters' }),
  sku: z.string().trim().max(100, { message: 'must be at most 100 characters' }).nullable().optional(),
  quantity: z
    .number({ message: 'must be a whole number' })
    .int({ message: 'must be a whole number' })
    .min(1, { message: 'must be at least 1' })
    .max(1_000_000, { message: 'must be at most 1000000' }),
  /** Minor units of the order's currency. */
  unitPrice: amountMinorSchema,
});
export type OrderItem = z.input<typeof orderItemSchema>;

const notesSchema = z.string().trim().max(5000, { message: 'must be at most 5000 characters' });
const itemsSchema = z
  .array(orderItemSchema)
  .min(1, { message: 'must list at least one item' })
  .max(500, { message: 'must list at most 500 items' });

export const orderSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  /** What people call the order: the shop's own number when it has one. */
  number: z.string(),
  externalId: z.string().nullable(),
  status: orderStatusSchema,
  currency: z.string(),
  items: z.array(
    z.object({ name: z.string(), sku: z.string().nullable(), quantity: z.number(), unitPrice: z.number() }),
  ),
  /** Sum of quantity × unit price, in minor units. */
  total: z.number().int(),
  notes: z.string().nullable(),
  source: orderSourceSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Order = z.infer<typeof orderSchema>;
export const orderParamsSchema = z.object({ orderId: idSchema });

export const orderStatusTotalSchema = moneyTotalSchema.extend({
  status: orderStatusSchema,
  count: z.number().int(),
});
export const customerOrdersResponseSchema = z.object({
  items: z.array(orderSchema),
  /** Per status and currency: how many orders and their sum. */
  totals: z.array(orderStatusTotalSchema),
});
export type CustomerOrdersResponse = z.infer<typeof customerOrdersResponseSchema>;

export const createOrderRequestSchema = z.object({
  items: itemsSchema,
  currency: currencyCodeSchema,
  status: orderStatusSchema.default('pending'),
  notes: notesSchema.nullable().optional(),
});
export type CreateOrderRequest = z.input<typeof createOrderRequestSchema>;

export const updateOrderRequestSchema = z.object({
  status: orderStatusSchema.optional(),
  notes: notesSchema.nullable().optional(),
  items: itemsSchema.optional(),
});
export type UpdateOrderRequest = z.input<typeof updateOrderRequestSchema>;

export const externalIdSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(100, { message: 'must be at most 100 characters' });

/**
 * An order from a shop (API key): the customer is matched by phone (digits) or e-mail, else
 * created. Sending the same `externalId` again answers with the order already stored.
 */
export const shopOrderRequestSchema = createOrderRequestSchema
  .extend({
    externalId: externalIdSchema,
    customer: z
      .object({
        phone: z.string().trim().max(40).optional(),
        email: emailSchema.optional(),
        name: z.string().trim().max(200).optional(),
      })
      .refine((customer) => customer.phone !== undefined || customer.email !== undefined, {
        message: 'must have a phone or an e-mail',
      }),
  })
  .strict();
export type ShopOrderRequest = z.input<typeof shopOrderRequestSchema>;

export const shopOrderResponseSchema = z.object({ order: orderSchema, created: z.boolean() });

/**
 * A CSV line that cannot be imported: 1-based line number (the header is line 1; 0 is the file as
 * a whole), column, the problem's code and details, and its sentence in the caller's language.
 */
export const importLineErrorSchema = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  code: z.enum(Object.keys(IMPORT_PROBLEM_CATALOG) as [ImportProblemCode, ...ImportProblemCode[]]),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});
export type ImportLineError = z.infer<typeof importLineErrorSchema>;

/**
 * An orders import runs in two phases: `checking` reads every line (and finds the customers),
 * committing how many lines are checked as it goes; `storing` writes every order in one
 * transaction, so a file is stored whole or not at all.
 */
export const orderImportSchema = z.object({
  id: idSchema,
  status: z.enum(['queued', 'checking', 'storing', 'done', 'failed']),
  /** Lines of the file below its header, and how many of them are checked so far. */
  total: z.number().int(),
  processed: z.number().int(),
  /** Orders the file holds (lines with one external id make one order), known once every line is checked. */
  orders: z.number().int(),
  errors: z.array(importLineErrorSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type OrderImport = z.infer<typeof orderImportSchema>;
export const orderImportParamsSchema = z.object({ importId: idSchema });
