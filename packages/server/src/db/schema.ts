import type { Generated } from 'kysely';

/**
 * Table shapes as Kysely sees them. Conventions, the same on both engines: ids are UUIDv7
 * text, times are epoch milliseconds (bigint on PostgreSQL, parsed to number), flags are
 * integers 0/1 and JSON is stored as text.
 */
export interface Database {
  workspaces: WorkspaceTable;
  members: MemberTable;
  sessions: SessionTable;
  api_keys: ApiKeyTable;
  events: EventTable;
  jobs: JobTable;
  channels: ChannelTable;
  customers: CustomerTable;
  customer_identities: CustomerIdentityTable;
  conversations: ConversationTable;
  conversation_counts: ConversationCountTable;
  messages: MessageTable;
  message_reactions: MessageReactionTable;
  tags: TagTable;
  customer_tags: CustomerTagTable;
  webhook_events: WebhookEventTable;
  media: MediaTable;
  message_templates: MessageTemplateTable;
  customer_notes: CustomerNoteTable;
  custom_fields: CustomFieldTable;
  custom_field_values: CustomFieldValueTable;
  quick_replies: QuickReplyTable;
  funnels: FunnelTable;
  funnel_stages: FunnelStageTable;
  deals: DealTable;
  orders: OrderTable;
  order_imports: OrderImportTable;
  reminders: ReminderTable;
}

export interface WorkspaceTable {
  id: string;
  name: string;
  time_zone: string;
  created_at: number;
}

export interface MemberTable {
  id: string;
  workspace_id: string;
  name: string;
  email: string;
  password_hash: string;
  role: 'admin' | 'supervisor' | 'agent';
  assigned_only: number;
  availability: 'available' | 'away';
  active: number;
  created_at: number;
  updated_at: number;
}

export interface SessionTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  workspace_id: string;
  member_id: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

export interface ApiKeyTable {
  id: string;
  workspace_id: string;
  /** The member the key acts as (its creator, or the first admin for CLI-made keys). */
  member_id: string;
  name: string;
  prefix: string;
  /** SHA-256 of the secret. */
  secret_hash: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface EventTable {
  /** Ordered: readers resume with `after=<id>`. */
  id: Generated<number>;
  workspace_id: string;
  type: string;
  /** Conversation the event is about, for per-member visibility filtering (null: workspace-wide). */
  conversation_id: string | null;
  /** JSON text. */
  payload: string;
  /** The conversation's owner after the change, for per-member filtering. */
  owner_member_id: string | null;
  /** The owner before an assignment change, who may need a removal notice. */
  previous_owner_member_id: string | null;
  created_at: number;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobTable {
  id: string;
  workspace_id: string | null;
  type: string;
  /** JSON text; ids only, the handler loads the rest. */
  payload: string;
  status: JobStatus;
  run_at: number;
  attempts: number;
  max_attempts: number;
  lease_until: number | null;
  /** A job with the same key is never queued twice. */
  idempotency_key: string | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

export interface ChannelTable {
  id: string;
  workspace_id: string;
  type: 'whatsapp' | 'messenger' | 'instagram';
  name: string;
  /** phone_number_id, Page id or Instagram account id. */
  external_id: string;
  /** WABA id or linked Page id. */
  account_id: string | null;
  address: string | null;
  /** AES-256-GCM ciphertext, never the token itself. */
  access_token_enc: string | null;
  app_secret_enc: string | null;
  settings: string;
  active: number;
  created_at: number;
  updated_at: number;
}

export interface CustomerTable {
  id: string;
  workspace_id: string;
  profile_name: string | null;
  first_name: string | null;
  last_name: string | null;
  /** E.164 digits without `+`. */
  phone: string | null;
  email: string | null;
  owner_member_id: string | null;
  bot_enabled: number;
  blocked: number;
  /** Lower-case, accent-free names, e-mail and phone digits: what search matches. */
  search_text: string;
  /** Profile details members fill in (optional when a customer is created from a channel). */
  id_type?: string | null;
  id_number?: string | null;
  address?: string | null;
  city?: string | null;
  state_province?: string | null;
  /** How many scheduled reminders the customer has (kept by the reminder commands, for the list). */
  pending_reminders?: number;
  created_at: number;
  updated_at: number;
}

export interface CustomerIdentityTable {
  id: string;
  workspace_id: string;
  customer_id: string;
  channel_id: string;
  /** wa_id, PSID or IGSID. */
  external_id: string;
  profile_name: string | null;
  created_at: number;
}

export type ConversationStatusColumn = 'new' | 'open' | 'pending' | 'resolved';

export interface ConversationTable {
  id: string;
  workspace_id: string;
  customer_id: string;
  channel_id: string;
  owner_member_id: string | null;
  status: ConversationStatusColumn;
  unread_count: number;
  last_activity_at: number;
  last_inbound_at: number | null;
  last_message_preview: string | null;
  last_message_kind: string | null;
  last_message_direction: string | null;
  last_message_state: string | null;
  last_message_id: string | null;
  created_at: number;
  updated_at: number;
}

/** Kept by triggers (migration 202611242010): conversations per key, and how many are unread. */
export interface ConversationCountTable {
  workspace_id: string;
  channel_id: string;
  /** '' for unassigned conversations. */
  owner_member_id: string;
  status: ConversationStatusColumn;
  total: number;
  unread: number;
}

export interface MessageTable {
  id: string;
  workspace_id: string;
  conversation_id: string;
  channel_id: string;
  direction: 'inbound' | 'outbound' | 'internal';
  kind: string;
  body: string | null;
  /** JSON of the contract's MessageContent. */
  content: string;
  /** JSON array of attachments. */
  attachments: string;
  reply_to_message_id: string | null;
  provider_message_id: string | null;
  client_id: string | null;
  delivery_state: 'queued' | 'sent' | 'delivered' | 'read' | 'failed' | null;
  error_code: string | null;
  error_detail: string | null;
  author_type: 'customer' | 'member' | 'bot' | 'external';
  author_member_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface MessageReactionTable {
  message_id: string;
  workspace_id: string;
  reactor: string;
  emoji: string;
  created_at: number;
}

export interface TagTable {
  id: string;
  workspace_id: string;
  name: string;
  /** The name in the form a unique index compares (platform/name-key.ts). */
  name_key: string;
  color: string;
  created_at: number;
}

export interface CustomerTagTable {
  customer_id: string;
  tag_id: string;
  workspace_id: string;
  created_at: number;
}

export interface WebhookEventTable {
  id: string;
  provider: 'meta';
  /** The exact bytes received, as UTF-8 text. */
  body: string;
  /** pending → processed, or failed with `error` (replayable with `charla webhooks replay`). */
  status: 'pending' | 'processing' | 'processed' | 'failed';
  attempts: number;
  error: string | null;
  lease_until: number | null;
  received_at: number;
  processed_at: number | null;
}

export interface MediaTable {
  id: string;
  workspace_id: string;
  sha256: string;
  /** Where the bytes are in media storage. */
  storage_key: string;
  /** Detected from the content, not the file name. */
  mime_type: string;
  size: number;
  file_name: string | null;
  created_at: number;
}

export interface MessageTemplateTable {
  id: string;
  workspace_id: string;
  channel_id: string;
  provider_id: string | null;
  name: string;
  language: string;
  category: string;
  status: string;
  parameter_format: 'POSITIONAL' | 'NAMED';
  /** Meta's components array, as JSON text. */
  components: string;
  synced_at: number;
}

export interface CustomerNoteTable {
  id: string;
  workspace_id: string;
  customer_id: string;
  author_member_id: string | null;
  body: string;
  created_at: number;
  updated_at: number;
}

export interface CustomFieldTable {
  id: string;
  workspace_id: string;
  name: string;
  /** The name in the form a unique index compares (platform/name-key.ts). */
  name_key: string;
  type: 'text' | 'integer' | 'decimal' | 'boolean' | 'date' | 'list';
  /** JSON array of a list field's choices. */
  options: string;
  created_at: number;
  updated_at: number;
}

export interface CustomFieldValueTable {
  customer_id: string;
  field_id: string;
  workspace_id: string;
  /** The value in its canonical text form. */
  value: string;
  updated_at: number;
}

export interface QuickReplyTable {
  id: string;
  workspace_id: string;
  /** Personal replies belong to a member; shared ones have none. */
  owner_member_id: string | null;
  shortcut: string;
  title: string;
  body: string;
  media_id: string | null;
  search_text: string;
  created_by_member_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface FunnelTable {
  id: string;
  workspace_id: string;
  name: string;
  created_at: number;
  updated_at: number;
}

export interface FunnelStageTable {
  id: string;
  workspace_id: string;
  funnel_id: string;
  name: string;
  /** Board order, 0 first. */
  position: number;
  created_at: number;
}

export interface DealTable {
  id: string;
  workspace_id: string;
  funnel_id: string;
  stage_id: string;
  customer_id: string;
  owner_member_id: string | null;
  title: string;
  /** Minor units of `currency`. */
  amount_minor: number;
  currency: string;
  /** `YYYY-MM-DD`. */
  expected_close_date: string | null;
  created_at: number;
  updated_at: number;
}

export interface OrderTable {
  id: string;
  workspace_id: string;
  customer_id: string;
  /** The shop's id for the order; unique per workspace, so a resent order is stored once. */
  external_id: string | null;
  status: 'pending' | 'paid' | 'cancelled';
  currency: string;
  /** JSON array of {name, sku, quantity, unitPrice (minor units)}. */
  items: string;
  total_minor: number;
  notes: string | null;
  source: 'manual' | 'api' | 'import';
  created_at: number;
  updated_at: number;
}

export interface OrderImportTable {
  id: string;
  workspace_id: string;
  created_by_member_id: string | null;
  status: 'queued' | 'checking' | 'storing' | 'done' | 'failed';
  /** Lines of the file below its header, and how many are checked. */
  total: number;
  processed: number;
  /** Orders the file holds, known once every line is checked. */
  orders: number;
  /** JSON: the file's header and lines (`OrdersFile`) waiting to be imported (emptied once done). */
  rows: string;
  /** JSON array of ImportProblem: {line, column, code, params}. */
  errors: string;
  created_at: number;
  updated_at: number;
}

export interface ReminderTable {
  id: string;
  workspace_id: string;
  customer_id: string;
  created_by_member_id: string | null;
  status: 'scheduled' | 'sent' | 'cancelled' | 'failed';
  /** The wall-clock time asked for and the zone it was read in. */
  local_at: string;
  time_zone: string;
  run_at: number;
  /** JSON of the contract's ReminderAction. */
  action: string;
  failure_reason: string | null;
  /** The error catalog code of the failure, when it is one of Charla's own. */
  failure_code: string | null;
  message_id: string | null;
  created_at: number;
  updated_at: number;
}
