import type { Db } from '../db/client.ts';
import { sha256 } from '../platform/crypto.ts';
import { AppError } from '../platform/errors.ts';
import type { MemberRow } from '../workspaces/workspaces.repo.ts';
import type { Actor } from './actor.ts';
import { findApiKeyWithMember, markApiKeyUsed } from './api-keys.repo.ts';
import { deleteSession, extendSession, findSessionWithMember } from './sessions.repo.ts';

export const SESSION_COOKIE = 'charla_session';

/** What a request presents to prove who it is. */
export interface Credentials {
  bearer: string | null;
  sessionToken: string | null;
}

function actorOf(
  member: MemberRow,
  via: Actor['via'],
  sessionId: string | null,
  csrfToken: string | null,
): Actor {
  return {
    workspaceId: member.workspace_id,
    memberId: member.id,
    role: member.role,
    assignedOnly: member.assigned_only === 1,
    via,
    sessionId,
    csrfToken,
  };
}

/**
 * Resolves credentials to an actor, or throws the reason they are refused. A session slides:
 * past half its life, any request extends it to a full TTL again.
 */
export async function authenticate(
  db: Db,
  credentials: Credentials,
  now: number,
  sessionTtlMs: number,
): Promise<Actor> {
  if (credentials.bearer) {
    const found = await findApiKeyWithMember(db.kysely, sha256(credentials.bearer));
    if (!found || found.key.revoked_at !== null) throw new AppError('API_KEY_INVALID');
    if (found.member.active !== 1) throw new AppError('MEMBER_DEACTIVATED');
    // Coarse (per minute) so busy integrations do not write on every request.
    if (found.key.last_used_at === null || now - found.key.last_used_at > 60_000) {
      await markApiKeyUsed(db.kysely, found.key.id, now);
    }
    return actorOf(found.member, 'api_key', null, null);
  }
  if (credentials.sessionToken) {
    const id = sha256(credentials.sessionToken);
    const found = await findSessionWithMember(db.kysely, id);
    if (!found) throw new AppError('UNAUTHENTICATED');
    if (found.session.expires_at <= now) {
      await deleteSession(db.kysely, id);
      throw new AppError('SESSION_EXPIRED');
    }
    if (found.member.active !== 1) throw new AppError('MEMBER_DEACTIVATED');
    if (found.session.expires_at - now < sessionTtlMs / 2)
      await extendSession(db.kysely, id, now + sessionTtlMs);
    return actorOf(found.member, 'session', id, found.session.csrf_token);
  }
  throw new AppError('UNAUTHENTICATED');
}
