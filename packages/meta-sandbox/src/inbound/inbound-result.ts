import type { WebhookDelivery } from '../webhooks/webhook.sender.ts';
import type { WebhookEnvelope } from '../webhooks/webhook-envelope.ts';

/** What a simulated customer action produced. */
export interface InboundResult {
  channel: 'whatsapp' | 'messenger' | 'instagram';
  type: string;
  /** Phone-number id, Page id or Instagram account id. */
  assetId: string;
  /** wa_id, PSID or IGSID. */
  customerId: string;
  /** wamid or mid of the new message, when the action created one. */
  messageId?: string;
  /** Id of the comment created or changed, for comment actions. */
  commentId?: string;
  /** The exact body signed and POSTed. */
  envelope: WebhookEnvelope;
  /** Settles once every copy of the webhook was answered (or gave up). */
  delivered: Promise<WebhookDelivery>;
}
