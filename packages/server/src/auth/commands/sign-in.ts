import type { Db } from '../../db/client.ts';
import { randomToken, sha256, verifyPassword } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { findMemberByEmail, type MemberRow } from '../../workspaces/workspaces.repo.ts';
import type { LoginThrottle } from '../login-throttle.ts';
import { insertSession, type SessionRow } from '../sessions.repo.ts';

/** A dummy hash so unknown e-mails take as long as wrong passwords (no account probing). */
const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * Checks e-mail and password and opens a session. Returns the cookie token (stored only as its
 * hash). Throttled per client address + e-mail.
 */
export async function signIn(
  db: Db,
  throttle: LoginThrottle,
  input: { email: string; password: string; clientAddress: string; now: number; ttlMs: number },
): Promise<{ token: string; session: SessionRow; member: MemberRow }> {
  const throttleKey = `${input.clientAddress}|${input.email}`;
  if (throttle.isBlocked(throttleKey, input.now)) throw new AppError('RATE_LIMITED');

  const member = await findMemberByEmail(db.kysely, input.email);
  const passwordOk = await verifyPassword(input.password, member?.password_hash ?? DUMMY_HASH);
  if (!member || !passwordOk) {
    throttle.recordFailure(throttleKey, input.now);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (member.active !== 1) throw new AppError('MEMBER_DEACTIVATED');
  throttle.reset(throttleKey);

  const token = randomToken();
  const session: SessionRow = {
    id: sha256(token),
    workspace_id: member.workspace_id,
    member_id: member.id,
    csrf_token: randomToken(24),
    created_at: input.now,
    expires_at: input.now + input.ttlMs,
  };
  await insertSession(db.kysely, session);
  return { token, session, member };
}
