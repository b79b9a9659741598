import { z } from 'zod';
import { emailSchema, idSchema } from '../common/primitives.ts';
import { phoneNumberSchema } from '../inbox/new-chat.schema.ts';

/** A free-text detail: trimmed; empty or null clears it. */
const detailSchema = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .nullable()
    .transform((value) => (value ? value : null));

/**
 * Editing a customer from the panel: every field is optional (only those sent change) and null or
 * an empty string clears it. The phone is read-only while it is the customer's WhatsApp number.
 */
export const updateCustomerRequestSchema = z.object({
  firstName: detailSchema(120).optional(),
  lastName: detailSchema(120).optional(),
  email: z.union([z.literal('').transform(() => null), z.null(), emailSchema]).optional(),
  /** Any international formatting; stored as E.164 digits without `+`. */
  phone: z
    .string()
    .transform((value) => (value.trim() === '' ? null : value))
    // Piped rather than a union, so a refused number keeps its reason instead of "Invalid input".
    .pipe(phoneNumberSchema.nullable())
    .nullable()
    .optional(),
  /** E.g. passport, INE, DNI, RFC. */
  idType: detailSchema(40).optional(),
  idNumber: detailSchema(60).optional(),
  address: detailSchema(300).optional(),
  city: detailSchema(120).optional(),
  stateProvince: detailSchema(120).optional(),
});
export type UpdateCustomerRequest = z.input<typeof updateCustomerRequestSchema>;
export type CustomerDetailsChange = z.output<typeof updateCustomerRequestSchema>;

/** Merging `from` into the customer in the path: everything of `from` moves, then it is deleted. */
export const mergeCustomersRequestSchema = z.object({ from: idSchema });
export type MergeCustomersRequest = z.infer<typeof mergeCustomersRequestSchema>;
