import { z } from 'zod';
import { idSchema } from '../common/primitives.ts';
import { conversationSchema } from './conversations.schema.ts';
import { customerSchema } from './customers.schema.ts';

export const customerParamsSchema = z.object({ customerId: idSchema });

/** The customer panel: the customer, who owns them, and all their conversations. */
export const customerProfileSchema = z.object({
  customer: customerSchema,
  /** The member the customer is assigned to. */
  owner: z.object({ id: idSchema, name: z.string() }).nullable(),
  /** Every conversation of the customer, one per channel, latest activity first. */
  conversations: z.array(conversationSchema),
});
export type CustomerProfile = z.infer<typeof customerProfileSchema>;
