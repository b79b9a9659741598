/**
 * @charla/meta-sandbox: a local stand-in for Meta's Graph API plus a signed-webhook sender and a
 * customer simulator. Start it with `startMetaSandbox()` and point Charla's `META_GRAPH_URL` at
 * `sandbox.graphUrl` and the sandbox's `webhookUrl` at Charla's `/webhooks/meta`.
 */
export type { SandboxControl } from './admin/admin.routes.ts';
export {
  type Asset,
  type AssetsInput,
  DEMO_ASSETS,
  type InstagramAsset,
  type MessengerAsset,
  type WhatsAppAsset,
} from './assets/asset-registry.ts';
export {
  buildFeedComment,
  feedCommentEnvelope,
  instagramCommentEnvelope,
  instagramMentionEnvelope,
} from './comments/comments-inbound.builder.ts';
export { type FaultRule, type FaultRuleInput, faultRuleSchema, THROTTLE_CODES } from './faults/fault-plan.ts';
export {
  GraphError,
  type GraphErrorBody,
  type WhatsAppErrorObject,
  whatsappErrorObject,
} from './graph/graph-error.ts';
export { OPERATIONS, type Operation } from './graph/graph-operation.ts';
export { InboundError } from './inbound/inbound-customers.ts';
export { type InboundInput, inboundInputSchema } from './inbound/inbound-input.schema.ts';
export type { InboundResult } from './inbound/inbound-result.ts';
export type { StoredMedia } from './media/media-store.ts';
export { sampleFile } from './media/sample-media.ts';
export {
  buildMessagingEvent,
  type MessagingContent,
  messagingEnvelope,
  messagingReferral,
} from './messaging/messaging-inbound.builder.ts';
export { jsonLinesSink, type LogLine, type LogSink } from './platform/json-log.ts';
export type { MetaSandbox } from './sandbox.api.ts';
export type { SandboxConfigPatch } from './sandbox.config.ts';
export { type MetaSandboxOptions, startMetaSandbox } from './sandbox.server.ts';
export { createPersona, type Persona } from './simulator/customer-personas.ts';
export {
  type CustomerSimulator,
  createCustomerSimulator,
  type InboundSink,
  type SimulatorOptions,
  type SimulatorReport,
} from './simulator/customer-simulator.ts';
export type { SentFilter, SentRecord } from './state/sandbox-state.ts';
export type { StatusPlan, StatusPlanPatch } from './statuses/status-plan.ts';
export type { WebhookDelivery, WebhookSettings, WebhookSettingsPatch } from './webhooks/webhook.sender.ts';
export { metaWebhookSchema } from './webhooks/webhook-envelope.schema.ts';
export type * from './webhooks/webhook-envelope.ts';
export {
  type ReceivedWebhook,
  startWebhookReceiver,
  type WebhookReceiver,
} from './webhooks/webhook-receiver.ts';
export { serializeWebhook, signatureHeader } from './webhooks/webhook-signer.ts';
export {
  buildWhatsAppMessage,
  ctwaReferral,
  type WhatsAppMessageContent,
  whatsappErrorsEnvelope,
  whatsappMessageEnvelope,
} from './whatsapp/whatsapp-inbound.builder.ts';
export { buildWhatsAppStatus, whatsappStatusEnvelope } from './whatsapp/whatsapp-status.builder.ts';
export { TEMPLATES } from './whatsapp/whatsapp-templates.catalog.ts';
