import type { Member, Workspace } from '@charla/contracts';
import type { MemberRow, WorkspaceRow } from './workspaces.repo.ts';

export function presentMember(row: MemberRow): Member {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    email: row.email,
    role: row.role,
    assignedOnly: row.assigned_only === 1,
    availability: row.availability,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

export function presentWorkspace(row: WorkspaceRow): Workspace {
  return { id: row.id, name: row.name, timeZone: row.time_zone, createdAt: row.created_at };
}
