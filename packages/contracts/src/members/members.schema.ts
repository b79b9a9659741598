import { z } from 'zod';
import { emailSchema, idSchema, nameSchema, passwordSchema, timestampSchema } from '../common/primitives.ts';

export const ROLES = ['admin', 'supervisor', 'agent'] as const;
export const roleSchema = z.enum(ROLES);
/** admin: everything; supervisor: sees all, cannot send, adds notes; agent: own + unassigned chats. */
export type Role = z.infer<typeof roleSchema>;

export const availabilitySchema = z.enum(['available', 'away']);
export type Availability = z.infer<typeof availabilitySchema>;

/** A member as every API shows it. Never includes the password hash. */
export const memberSchema = z.object({
  id: idSchema,
  workspaceId: idSchema,
  name: nameSchema,
  email: z.string(),
  role: roleSchema,
  /** For agents: see only chats whose customer is assigned to them (not unassigned ones). */
  assignedOnly: z.boolean(),
  availability: availabilitySchema,
  active: z.boolean(),
  createdAt: timestampSchema,
});
export type Member = z.infer<typeof memberSchema>;

export const createMemberRequestSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  role: roleSchema,
  assignedOnly: z.boolean().default(false),
});
export type CreateMemberRequest = z.input<typeof createMemberRequestSchema>;

export const updateMemberRequestSchema = z
  .object({
    name: nameSchema,
    email: emailSchema,
    password: passwordSchema,
    role: roleSchema,
    assignedOnly: z.boolean(),
    active: z.boolean(),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: 'must change at least one field' });
export type UpdateMemberRequest = z.input<typeof updateMemberRequestSchema>;

export const memberListResponseSchema = z.object({ items: z.array(memberSchema) });

export const memberParamsSchema = z.object({ memberId: idSchema });

export const setAvailabilityRequestSchema = z.object({ availability: availabilitySchema });
