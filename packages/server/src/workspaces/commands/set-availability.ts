import type { Availability } from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendEvent } from '../../events/events.repo.ts';
import { AppError } from '../../platform/errors.ts';
import { presentMember } from '../workspaces.presenter.ts';
import { findMember, type MemberRow, updateMemberRow } from '../workspaces.repo.ts';

/** A member marks themselves available or away (auto-assignment skips away members). */
export async function setAvailability(
  db: Db,
  actor: Actor,
  availability: Availability,
  now: number,
): Promise<MemberRow> {
  return inTransaction(db, async (trx) => {
    const current = await findMember(trx, actor.workspaceId, actor.memberId);
    if (!current) throw new AppError('MEMBER_NOT_FOUND');
    await updateMemberRow(trx, actor.workspaceId, actor.memberId, { availability, updated_at: now });
    const updated: MemberRow = { ...current, availability, updated_at: now };
    await appendEvent(trx, db.engine, {
      workspaceId: actor.workspaceId,
      type: 'member.updated',
      payload: { member: presentMember(updated), by: actor.memberId },
      createdAt: now,
    });
    return updated;
  });
}
