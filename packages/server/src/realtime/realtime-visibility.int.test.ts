import { REALTIME_CLOSE_CODES, type RealtimeEvent } from '@charla/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  appendTestEvent,
  appendTestEvents,
  as,
  createAnotherWorkspace,
  createTestApp,
  RealtimeTestClient,
  setUpWorkspace,
  type TestApp,
  type TestSession,
} from '../testing/index.ts';

let t: TestApp;
let baseUrl: string;
const clients: RealtimeTestClient[] = [];

beforeEach(async () => {
  t = await createTestApp();
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await t.close();
});

async function connect(session: TestSession): Promise<RealtimeTestClient> {
  const client = await RealtimeTestClient.connect(baseUrl, { cookie: session.cookie });
  clients.push(client);
  await client.helloLastId();
  return client;
}

/** What a member's inbox learns from each event, in order. */
function summary(events: RealtimeEvent[]): string[] {
  return events.map((event) => {
    switch (event.type) {
      case 'conversation.updated':
        return event.conversation.id;
      case 'conversation.removed':
        return `removed ${event.conversationId}`;
      case 'member.updated':
        return `member ${event.member.name}`;
      default:
        return event.type;
    }
  });
}

/** A workspace-wide event everyone receives: once it arrived, everything before it has too. */
async function sentinel(admin: TestSession): Promise<number> {
  return appendTestEvent(t.db, admin.me.workspace.id, { kind: 'member', member: admin.me.member });
}

describe('live events per member', () => {
  it('sends agents their own and unassigned chats, assigned-only agents their own, admins and supervisors all, and nothing across workspaces', async () => {
    const admin = await setUpWorkspace(t.app);
    const supervisor = await addMember(t.app, admin, 'supervisor');
    const agentX = await addMember(t.app, admin, 'agent');
    const agentY = await addMember(t.app, admin, 'agent');
    const restricted = await addMember(t.app, admin, 'agent', { assignedOnly: true });
    const otherAdmin = await createAnotherWorkspace(t.app, t.db);
    const [adminSocket, supervisorSocket, xSocket, ySocket, restrictedSocket, otherSocket] =
      await Promise.all([
        connect(admin),
        connect(supervisor),
        connect(agentX),
        connect(agentY),
        connect(restricted),
        connect(otherAdmin),
      ]);

    const workspaceId = admin.me.workspace.id;
    await appendTestEvents(t.db, workspaceId, [
      { kind: 'conversation', conversationId: 'conv-x', owner: agentX.me.member.id },
      { kind: 'conversation', conversationId: 'conv-y', owner: agentY.me.member.id },
      { kind: 'internal', type: 'api_key.created' },
      { kind: 'conversation', conversationId: 'conv-free', owner: null },
    ]);
    await appendTestEvent(t.db, otherAdmin.me.workspace.id, {
      kind: 'conversation',
      conversationId: 'conv-b',
      owner: null,
    });
    await appendTestEvent(t.db, workspaceId, {
      kind: 'conversation',
      conversationId: 'conv-r',
      owner: restricted.me.member.id,
    });
    const last = await sentinel(admin);
    const otherLast = await sentinel(otherAdmin);

    const everything = ['conv-x', 'conv-y', 'conv-free', 'conv-r', 'member Ana Admin'];
    await Promise.all(
      [adminSocket, supervisorSocket, xSocket, ySocket, restrictedSocket].map((socket) =>
        socket.waitForEvent(last),
      ),
    );
    await otherSocket.waitForEvent(otherLast);
    expect(summary(adminSocket.events() ?? [])).toEqual(everything);
    expect(summary(supervisorSocket.events() ?? [])).toEqual(everything);
    expect(summary(xSocket.events() ?? [])).toEqual(['conv-x', 'conv-free', 'member Ana Admin']);
    expect(summary(ySocket.events() ?? [])).toEqual(['conv-y', 'conv-free', 'member Ana Admin']);
    expect(summary(restrictedSocket.events() ?? [])).toEqual(['conv-r', 'member Ana Admin']);
    expect(summary(otherSocket.events() ?? [])).toEqual(['conv-b', 'member Otro Admin']);
  });

  it('tells the previous agent a reassigned chat was removed and gives it to the new one', async () => {
    const admin = await setUpWorkspace(t.app);
    const agentX = await addMember(t.app, admin, 'agent');
    const agentY = await addMember(t.app, admin, 'agent');
    const [adminSocket, xSocket, ySocket] = await Promise.all([
      connect(admin),
      connect(agentX),
      connect(agentY),
    ]);

    const workspaceId = admin.me.workspace.id;
    const [assigned, reassigned] = await appendTestEvents(t.db, workspaceId, [
      { kind: 'conversation', conversationId: 'conv-1', owner: agentX.me.member.id },
      {
        kind: 'conversation',
        conversationId: 'conv-1',
        owner: agentY.me.member.id,
        previousOwner: agentX.me.member.id,
      },
    ]);
    const last = await sentinel(admin);
    await Promise.all([adminSocket, xSocket, ySocket].map((socket) => socket.waitForEvent(last)));

    expect(summary(xSocket.events() ?? [])).toEqual(['conv-1', 'removed conv-1', 'member Ana Admin']);
    expect(xSocket.events()[1]).toMatchObject({ id: reassigned, type: 'conversation.removed' });
    expect(summary(ySocket.events() ?? [])).toEqual(['conv-1', 'member Ana Admin']);
    expect(ySocket.events()[0]).toMatchObject({
      id: reassigned,
      conversation: { assignee: { id: agentY.me.member.id } },
    });
    expect(adminSocket.events().map((event) => event.id)).toEqual([assigned, reassigned, last]);
  });

  it('filters by the role an admin just gave the member, and disconnects a deactivated member', async () => {
    const admin = await setUpWorkspace(t.app);
    const agent = await addMember(t.app, admin, 'agent', { name: 'Rosa' });
    const socket = await connect(agent);
    const workspaceId = admin.me.workspace.id;

    const before = await appendTestEvent(t.db, workspaceId, {
      kind: 'conversation',
      conversationId: 'conv-open',
      owner: null,
    });
    await socket.waitForEvent(before);
    const restricted = await t.app.inject(
      as(admin, {
        method: 'PATCH',
        url: `/api/v1/members/${agent.me.member.id}`,
        payload: { assignedOnly: true },
      }),
    );
    expect(restricted.statusCode).toBe(200);
    await appendTestEvent(t.db, workspaceId, {
      kind: 'conversation',
      conversationId: 'conv-later',
      owner: null,
    });
    const last = await sentinel(admin);
    await socket.waitForEvent(last);
    expect(summary(socket.events())).toEqual(['conv-open', 'member Rosa', 'member Ana Admin']);

    const deactivated = await t.app.inject(
      as(admin, {
        method: 'PATCH',
        url: `/api/v1/members/${agent.me.member.id}`,
        payload: { active: false },
      }),
    );
    expect(deactivated.statusCode).toBe(200);
    expect((await socket.closed).code).toBe(REALTIME_CLOSE_CODES.revoked);
  });
});
