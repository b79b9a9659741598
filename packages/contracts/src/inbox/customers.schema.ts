import { z } from 'zod';
import { idSchema, timestampSchema } from '../common/primitives.ts';
import { channelTypeSchema } from './channels.schema.ts';

export const tagSchema = z.object({
  id: idSchema,
  name: z.string(),
  /** CSS hex colour, e.g. `#0ea5e9`. */
  color: z.string(),
});
export type Tag = z.infer<typeof tagSchema>;

/** The customer's handle on one channel (wa_id, PSID, IGSID). */
export const customerIdentitySchema = z.object({
  channelId: idSchema,
  channelType: channelTypeSchema,
  externalId: z.string(),
  profileName: z.string().nullable(),
});

export const customerSchema = z.object({
  id: idSchema,
  /** First + last name, else the profile name, else the phone. */
  displayName: z.string(),
  profileName: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  /** E.164 digits without `+`. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** The ID document (e.g. passport, INE, DNI) and its number. */
  idType: z.string().nullable(),
  idNumber: z.string().nullable(),
  address: z.string().nullable(),
  city: z.string().nullable(),
  stateProvince: z.string().nullable(),
  /** The member the customer is assigned to; shows on all of the customer's conversations. */
  ownerMemberId: idSchema.nullable(),
  botEnabled: z.boolean(),
  blocked: z.boolean(),
  tags: z.array(tagSchema),
  identities: z.array(customerIdentitySchema),
  createdAt: timestampSchema,
});
export type Customer = z.infer<typeof customerSchema>;
