import { whatsappErrorObject } from '../graph/graph-error.ts';
import type { WhatsAppEnvelope, WhatsAppStatus } from '../webhooks/webhook-envelope.ts';
import { type WhatsAppNumber, whatsappEnvelope, whatsappTimestamp } from './whatsapp-inbound.builder.ts';

/** Pricing category of a WhatsApp message (free-form sends are `service`). */
export type PricingCategory = 'service' | 'utility' | 'marketing' | 'authentication';

/** What a status webhook describes. */
export interface WhatsAppStatusSpec {
  messageId: string;
  status: WhatsAppStatus['status'];
  timestampMs: number;
  recipientId: string;
  bizOpaqueCallbackData?: string;
  /** Adds `pricing` (and `conversation` unless omitted) as on `sent` and one later status. */
  billing?: {
    category: PricingCategory;
    /** Service messages and utility templates inside the window are free. */
    free: boolean;
    conversationId: string;
    /** Graph v24+ omits `conversation` (reference §2.5). */
    includeConversation: boolean;
    /** Only `sent` carries `expiration_timestamp`. */
    expiresAtMs?: number;
  };
  failure?: { code: number; details?: string };
}

/** Builds one `value.statuses[]` item. */
export function buildWhatsAppStatus(spec: WhatsAppStatusSpec): WhatsAppStatus {
  const status: WhatsAppStatus = {
    id: spec.messageId,
    status: spec.status,
    timestamp: whatsappTimestamp(spec.timestampMs),
    recipient_id: spec.recipientId,
  };
  if (spec.bizOpaqueCallbackData) status.biz_opaque_callback_data = spec.bizOpaqueCallbackData;
  if (spec.billing) {
    const { category, free, conversationId, includeConversation, expiresAtMs } = spec.billing;
    if (includeConversation) {
      status.conversation = {
        id: conversationId,
        ...(expiresAtMs === undefined ? {} : { expiration_timestamp: whatsappTimestamp(expiresAtMs) }),
        origin: { type: category },
      };
    }
    status.pricing = {
      billable: !free,
      pricing_model: 'PMP',
      type: free ? 'free_customer_service' : 'regular',
      category,
    };
  }
  if (spec.failure) status.errors = [whatsappErrorObject(spec.failure.code, spec.failure.details)];
  return status;
}

/** A status webhook carrying the given statuses. */
export function whatsappStatusEnvelope(number: WhatsAppNumber, statuses: WhatsAppStatus[]): WhatsAppEnvelope {
  return whatsappEnvelope(number, { statuses });
}
