import type { UpdateMemberRequest } from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import { deleteSessionsOfMember } from '../../auth/sessions.repo.ts';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendEvent } from '../../events/events.repo.ts';
import { hashPassword } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCanManageWorkspace } from '../members.policy.ts';
import { presentMember } from '../workspaces.presenter.ts';
import {
  countActiveAdmins,
  emailTaken,
  findMember,
  type MemberRow,
  updateMemberRow,
} from '../workspaces.repo.ts';

/**
 * An admin edits a member: name, e-mail, password, role, assigned-only, active. Deactivating
 * signs the member out everywhere; the last active admin cannot be demoted or deactivated.
 */
export async function updateMember(
  db: Db,
  actor: Actor,
  memberId: string,
  input: UpdateMemberRequest,
  now: number,
): Promise<MemberRow> {
  assertCanManageWorkspace(actor);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return inTransaction(db, async (trx) => {
    const current = await findMember(trx, actor.workspaceId, memberId);
    if (!current) throw new AppError('MEMBER_NOT_FOUND');
    if (input.email && (await emailTaken(trx, input.email, memberId))) {
      throw new AppError('EMAIL_TAKEN', { fields: [{ field: 'body.email', message: 'is already in use' }] });
    }
    const losesAdmin =
      current.role === 'admin' &&
      current.active === 1 &&
      ((input.role && input.role !== 'admin') || input.active === false);
    if (losesAdmin && (await countActiveAdmins(trx, actor.workspaceId)) <= 1)
      throw new AppError('LAST_ADMIN');

    const changes: Partial<MemberRow> = { updated_at: now };
    if (input.name !== undefined) changes.name = input.name;
    if (input.email !== undefined) changes.email = input.email;
    if (passwordHash !== undefined) changes.password_hash = passwordHash;
    if (input.role !== undefined) changes.role = input.role;
    if (input.assignedOnly !== undefined) changes.assigned_only = input.assignedOnly ? 1 : 0;
    if (input.active !== undefined) changes.active = input.active ? 1 : 0;
    await updateMemberRow(trx, actor.workspaceId, memberId, changes);
    if (input.active === false || passwordHash !== undefined) await deleteSessionsOfMember(trx, memberId);

    const updated: MemberRow = { ...current, ...changes };
    await appendEvent(trx, db.engine, {
      workspaceId: actor.workspaceId,
      type: 'member.updated',
      payload: { member: presentMember(updated), by: actor.memberId },
      createdAt: now,
    });
    return updated;
  });
}
