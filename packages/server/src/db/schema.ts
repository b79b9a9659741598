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
