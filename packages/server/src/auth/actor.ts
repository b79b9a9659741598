import type { Role } from '@charla/contracts';

/** Who is making a request, resolved from a session cookie or an API key. */
export interface Actor {
  workspaceId: string;
  memberId: string;
  role: Role;
  /** Agents with this flag see only chats assigned to them. */
  assignedOnly: boolean;
  via: 'session' | 'api_key';
  sessionId: string | null;
  csrfToken: string | null;
}
