import type { CreateMemberRequest } from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendEvent } from '../../events/events.repo.ts';
import { hashPassword } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { assertCanManageWorkspace } from '../members.policy.ts';
import { presentMember } from '../workspaces.presenter.ts';
import { emailTaken, insertMember, type MemberRow } from '../workspaces.repo.ts';

/** An admin adds a member to their workspace. */
export async function createMember(
  db: Db,
  actor: Actor,
  input: Required<CreateMemberRequest>,
  now: number,
): Promise<MemberRow> {
  assertCanManageWorkspace(actor);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    if (await emailTaken(trx, input.email)) {
      throw new AppError('EMAIL_TAKEN', { fields: [{ field: 'body.email', message: 'is already in use' }] });
    }
    const row: MemberRow = {
      id: newId(),
      workspace_id: actor.workspaceId,
      name: input.name,
      email: input.email,
      password_hash: passwordHash,
      role: input.role,
      assigned_only: input.assignedOnly ? 1 : 0,
      availability: 'available',
      active: 1,
      created_at: now,
      updated_at: now,
    };
    await insertMember(trx, row);
    await appendEvent(trx, db.engine, {
      workspaceId: actor.workspaceId,
      type: 'member.created',
      payload: { member: presentMember(row), by: actor.memberId },
      createdAt: now,
    });
    return row;
  });
}
