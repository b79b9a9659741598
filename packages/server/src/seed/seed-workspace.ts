import { randomInt } from 'node:crypto';
import type { Actor } from '../auth/actor.ts';
import { type ChannelRow, insertChannel, listChannels } from '../channels/channels.repo.ts';
import { normalizeText } from '../customers/customer-search.ts';
import type { Db } from '../db/client.ts';
import type { TagTable } from '../db/schema.ts';
import { randomToken } from '../platform/crypto.ts';
import { AppError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { nameKey } from '../platform/name-key.ts';
import { createMember } from '../workspaces/commands/create-member.ts';
import { createWorkspace } from '../workspaces/commands/create-workspace.ts';
import { findMemberByEmail, findWorkspace, listMembers } from '../workspaces/workspaces.repo.ts';
import { insertTags, listTags } from './seed.repo.ts';
import { SEED_MEMBERS, SEED_TAGS } from './seed-names.ts';
import type { Random } from './seed-random.ts';
import type { ThreadCast } from './seed-thread.ts';

/** The admin of a workspace the seed created. */
export const DEMO_ADMIN_EMAIL = 'admin@demo.charla.test';

/** Where the seeded data goes and who and what it refers to. */
export interface SeedWorkspace {
  workspaceId: string;
  /** Set when the seed created the workspace: the password is shown once and stored only hashed. */
  createdAdmin: { email: string; password: string } | null;
  /** Members customers may be assigned to, with how busy each is. */
  owners: readonly (readonly [string, number])[];
  cast: ThreadCast;
  channels: ChannelRow[];
  tags: TagTable[];
}

function emailOf(name: string): string {
  return `${normalizeText(name)
    .replace(/[^a-z ]/g, '')
    .replace(/ /g, '.')}@demo.charla.test`;
}

/** A new "Demo" workspace with its admin, agents (some assigned-only) and supervisors. */
async function createDemoWorkspace(db: Db, now: number): Promise<{ workspaceId: string; password: string }> {
  const password = randomToken(12);
  const existing = await findMemberByEmail(db.kysely, DEMO_ADMIN_EMAIL);
  if (existing) {
    throw new Error(
      `${DEMO_ADMIN_EMAIL} already exists (workspace ${existing.workspace_id}); pass --workspace ${existing.workspace_id} to add data to it`,
    );
  }
  const { workspace, admin } = await createWorkspace(db, now, {
    workspaceName: 'Demo',
    adminName: 'Ana Admin',
    adminEmail: DEMO_ADMIN_EMAIL,
    adminPassword: password,
  });
  const actor: Actor = {
    workspaceId: workspace.id,
    memberId: admin.id,
    role: 'admin',
    assignedOnly: false,
    via: 'session',
    sessionId: null,
    csrfToken: null,
  };
  for (const member of SEED_MEMBERS) {
    await createMember(db, actor, { ...member, email: emailOf(member.name), password }, now).catch(
      (error) => {
        // A member of an earlier demo workspace keeps their e-mail; this workspace goes without them.
        if (!(error instanceof AppError && error.code === 'EMAIL_TAKEN')) throw error;
      },
    );
  }
  return { workspaceId: workspace.id, password };
}

/** Two WhatsApp numbers, a Facebook Page and an Instagram account, without access tokens. */
function demoChannels(rng: Random, workspaceId: string, now: number): ChannelRow[] {
  const base = { workspace_id: workspaceId, access_token_enc: null, app_secret_enc: null, settings: '{}' };
  const stamp = { active: 1, created_at: now, updated_at: now };
  // Random (not seeded) ids: channel ids are unique across workspaces, and a seed may run twice.
  const graphId = (length: number) => Array.from({ length }, () => randomInt(10)).join('');
  return [
    {
      id: newId(),
      ...base,
      type: 'whatsapp',
      name: 'WhatsApp Ventas',
      external_id: `1065${graphId(11)}`,
      account_id: `1023${graphId(11)}`,
      address: '+52 55 1234 5678',
      ...stamp,
    },
    {
      id: newId(),
      ...base,
      type: 'whatsapp',
      name: 'WhatsApp Soporte',
      external_id: `1098${graphId(11)}`,
      account_id: `1023${graphId(11)}`,
      address: '+52 81 8765 4321',
      ...stamp,
    },
    {
      id: newId(),
      ...base,
      type: 'messenger',
      name: 'Tienda Ñandú (Facebook)',
      external_id: `1004${graphId(11)}`,
      account_id: null,
      address: null,
      ...stamp,
    },
    {
      id: newId(),
      ...base,
      type: 'instagram',
      name: '@tienda.nandu',
      external_id: `17841${graphId(12)}`,
      account_id: null,
      address: `tienda.nandu${rng.int(1, 9)}`,
      ...stamp,
    },
  ];
}

/**
 * Creates (or, with `workspaceId`, loads) the workspace the seed writes into: its members,
 * channels and tags. An existing workspace keeps its channels and members; missing tags are
 * added.
 */
export async function prepareWorkspace(
  db: Db,
  rng: Random,
  options: { workspaceId?: string; now: number },
): Promise<SeedWorkspace> {
  const { now } = options;
  let workspaceId = options.workspaceId;
  let createdAdmin: SeedWorkspace['createdAdmin'] = null;
  if (workspaceId) {
    if (!(await findWorkspace(db.kysely, workspaceId)))
      throw new Error(`workspace ${workspaceId} does not exist`);
  } else {
    const created = await createDemoWorkspace(db, now);
    workspaceId = created.workspaceId;
    createdAdmin = { email: DEMO_ADMIN_EMAIL, password: created.password };
  }

  const members = (await listMembers(db.kysely, workspaceId)).filter((member) => member.active === 1);
  const agents = members.filter((member) => member.role === 'agent').map((member) => member.id);
  const managers = members.filter((member) => member.role !== 'agent').map((member) => member.id);
  if (managers.length === 0) throw new Error(`workspace ${workspaceId} has no active admin or supervisor`);
  const repliers = agents.length > 0 ? agents : managers;
  // Some agents carry more customers than others; admins and supervisors own a few.
  const owners = [
    ...repliers.map((id, index) => [id, 1 + (index % 3)] as const),
    ...managers.map((id) => [id, 0.1] as const),
  ];

  let channels = await listChannels(db.kysely, workspaceId);
  if (channels.length === 0) {
    channels = demoChannels(rng, workspaceId, now);
    for (const channel of channels) await insertChannel(db.kysely, channel);
  }

  const existingTags = await listTags(db.kysely, workspaceId);
  const known = new Set(existingTags.map((tag) => tag.name_key));
  const newTags = SEED_TAGS.filter((tag) => !known.has(nameKey(tag.name))).map((tag) => ({
    id: newId(),
    workspace_id: workspaceId,
    name: tag.name,
    name_key: nameKey(tag.name),
    color: tag.color,
    created_at: now,
  }));
  await insertTags(db.kysely, newTags);

  return {
    workspaceId,
    createdAdmin,
    owners,
    cast: { agents: repliers, managers },
    channels,
    tags: [...existingTags, ...newTags],
  };
}
