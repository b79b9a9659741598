import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendEvent } from '../../events/events.repo.ts';
import { hashPassword } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import {
  countWorkspaces,
  emailTaken,
  insertMember,
  insertWorkspace,
  type MemberRow,
  type WorkspaceRow,
} from '../workspaces.repo.ts';

export interface CreateWorkspaceInput {
  workspaceName: string;
  adminName: string;
  adminEmail: string;
  adminPassword: string;
  timeZone?: string;
  /** First-run setup: refuse when any workspace exists already. */
  onlyIfFirst?: boolean;
}

/** Creates a workspace with its first admin (first-run setup and `charla workspace create`). */
export async function createWorkspace(
  db: Db,
  now: number,
  input: CreateWorkspaceInput,
): Promise<{ workspace: WorkspaceRow; admin: MemberRow }> {
  const passwordHash = await hashPassword(input.adminPassword);
  return inTransaction(db, async (trx) => {
    if (input.onlyIfFirst && (await countWorkspaces(trx)) > 0) throw new AppError('SETUP_ALREADY_DONE');
    if (await emailTaken(trx, input.adminEmail)) {
      throw new AppError('EMAIL_TAKEN', { fields: [{ field: 'body.email', message: 'is already in use' }] });
    }
    const workspace: WorkspaceRow = {
      id: newId(),
      name: input.workspaceName,
      time_zone: input.timeZone ?? 'America/Mexico_City',
      created_at: now,
    };
    const admin: MemberRow = {
      id: newId(),
      workspace_id: workspace.id,
      name: input.adminName,
      email: input.adminEmail,
      password_hash: passwordHash,
      role: 'admin',
      assigned_only: 0,
      availability: 'available',
      active: 1,
      created_at: now,
      updated_at: now,
    };
    await insertWorkspace(trx, workspace);
    await insertMember(trx, admin);
    await appendEvent(trx, db.engine, {
      workspaceId: workspace.id,
      type: 'workspace.created',
      payload: { workspaceId: workspace.id, adminId: admin.id },
      createdAt: now,
    });
    return { workspace, admin };
  });
}
