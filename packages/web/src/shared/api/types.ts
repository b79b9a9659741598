import type {
  apiKeyListResponseSchema,
  createApiKeyRequestSchema,
  createdApiKeyResponseSchema,
  memberListResponseSchema,
  setAvailabilityRequestSchema,
  setupStatusResponseSchema,
} from '@charla/contracts';
import type { z } from 'zod';

// Contracts export schemas for these; the web app only needs their types (no zod at runtime).
export type SetupStatusResponse = z.output<typeof setupStatusResponseSchema>;
export type MemberListResponse = z.output<typeof memberListResponseSchema>;
export type SetAvailabilityRequest = z.input<typeof setAvailabilityRequestSchema>;
export type ApiKeyListResponse = z.output<typeof apiKeyListResponseSchema>;
export type CreateApiKeyRequest = z.input<typeof createApiKeyRequestSchema>;
export type CreatedApiKeyResponse = z.output<typeof createdApiKeyResponseSchema>;
