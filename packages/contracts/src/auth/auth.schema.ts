import { z } from 'zod';
import { emailSchema, idSchema, nameSchema, passwordSchema, timestampSchema } from '../common/primitives.ts';
import { memberSchema } from '../members/members.schema.ts';

export const workspaceSchema = z.object({
  id: idSchema,
  name: nameSchema,
  /** IANA time zone used for reminders and statistics. */
  timeZone: z.string(),
  createdAt: timestampSchema,
});
export type Workspace = z.infer<typeof workspaceSchema>;

/** First run: creates the workspace and its first admin. Refused once any workspace exists. */
export const setupRequestSchema = z.object({
  workspaceName: nameSchema,
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
});
export type SetupRequest = z.input<typeof setupRequestSchema>;

export const setupStatusResponseSchema = z.object({ needsSetup: z.boolean() });

export const loginRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: 'must not be empty' }).max(200),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

/**
 * Who is signed in. `csrfToken` must be sent back as the `x-csrf-token` header on every write
 * made with the session cookie (API keys do not need it).
 */
export const meResponseSchema = z.object({
  member: memberSchema,
  workspace: workspaceSchema,
  csrfToken: z.string().nullable(),
  via: z.enum(['session', 'api_key']),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

export const apiKeySchema = z.object({
  id: idSchema,
  name: nameSchema,
  /** The first characters of the key, to tell keys apart; the whole key is shown once. */
  prefix: z.string(),
  createdAt: timestampSchema,
  lastUsedAt: timestampSchema.nullable(),
  revokedAt: timestampSchema.nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const createApiKeyRequestSchema = z.object({ name: nameSchema });
/** The only response that carries the whole secret. */
export const createdApiKeyResponseSchema = z.object({ apiKey: apiKeySchema, secret: z.string() });
export const apiKeyListResponseSchema = z.object({ items: z.array(apiKeySchema) });
export const apiKeyParamsSchema = z.object({ apiKeyId: idSchema });
