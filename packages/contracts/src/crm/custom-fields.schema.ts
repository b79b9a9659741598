import { z } from 'zod';
import { idSchema, timestampSchema } from '../common/primitives.ts';
import { CUSTOM_FIELD_TYPES } from './custom-field-value.ts';

export const customFieldTypeSchema = z.enum(CUSTOM_FIELD_TYPES);

/** A workspace-defined customer field. */
export const customFieldSchema = z.object({
  id: idSchema,
  name: z.string(),
  type: customFieldTypeSchema,
  /** The choices of a list field; empty for other types. */
  options: z.array(z.string()),
  createdAt: timestampSchema,
});
export type CustomField = z.infer<typeof customFieldSchema>;

export const customFieldListResponseSchema = z.object({ items: z.array(customFieldSchema) });
export const customFieldParamsSchema = z.object({ fieldId: idSchema });
export const customerFieldParamsSchema = z.object({ customerId: idSchema, fieldId: idSchema });

const fieldNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(60, { message: 'must be at most 60 characters' });

const optionsSchema = z
  .array(z.string().trim().min(1, { message: 'must not be empty' }).max(100))
  .min(1, { message: 'a list field needs at least one option' })
  .max(100)
  .refine((options) => new Set(options).size === options.length, { message: 'must not repeat an option' });

export const createCustomFieldRequestSchema = z
  .object({ name: fieldNameSchema, type: customFieldTypeSchema, options: optionsSchema.optional() })
  .superRefine((value, context) => {
    if (value.type === 'list' && !value.options) {
      context.addIssue({ code: 'custom', path: ['options'], message: 'a list field needs its options' });
    }
    if (value.type !== 'list' && value.options) {
      context.addIssue({ code: 'custom', path: ['options'], message: 'only list fields have options' });
    }
  });

/** Rename a field or change a list's options (the type never changes: values would break). */
export const updateCustomFieldRequestSchema = z.object({
  name: fieldNameSchema.optional(),
  options: optionsSchema.optional(),
});

/** One field with this customer's value (null: not filled in). */
export const customerFieldValueSchema = z.object({
  field: customFieldSchema,
  value: z.union([z.string(), z.number(), z.boolean()]).nullable(),
  updatedAt: timestampSchema.nullable(),
});
export type CustomerFieldValue = z.infer<typeof customerFieldValueSchema>;

export const customerFieldValuesResponseSchema = z.object({ items: z.array(customerFieldValueSchema) });

/** Set a value (checked against the field's type); null clears it. */
export const setCustomerFieldValueRequestSchema = z.object({
  value: z.union([z.string(), z.number(), z.boolean()]).nullable(),
});
