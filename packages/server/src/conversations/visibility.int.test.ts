import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  as,
  createAnotherWorkspace,
  createChannel,
  createTestApp,
  customerWrites,
  setUpWorkspace,
  type TestApp,
  type TestSession,
} from '../testing/index.ts';

let t: TestApp;
let admin: TestSession;
let ana: TestSession;
let luis: TestSession;
let onlyOwn: TestSession;
let supervisor: TestSession;
const ids: Record<'ana' | 'luis' | 'unassigned' | 'onlyOwn', string> = {
  ana: '',
  luis: '',
  unassigned: '',
  onlyOwn: '',
};

beforeEach(async () => {
  t = await createTestApp();
  admin = await setUpWorkspace(t.app);
  ana = await addMember(t.app, admin, 'agent', { name: 'Ana' });
  luis = await addMember(t.app, admin, 'agent', { name: 'Luis' });
  onlyOwn = await addMember(t.app, admin, 'agent', { name: 'Olga', assignedOnly: true });
  supervisor = await addMember(t.app, admin, 'supervisor');
  const channel = await createChannel(t.db, admin.me.workspace.id);
  let phone = 5215500000001;
  for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
    ids[key] = (
      await customerWrites(t.db, channel, { from: String(phone++), at: t.clock.now() })
    ).conversationId;
  }
  for (const [key, who] of [
    ['ana', ana],
    ['luis', luis],
    ['onlyOwn', onlyOwn],
  ] as const) {
    await t.app.inject(
      as(admin, {
        method: 'PUT',
        url: `/api/v1/conversations/${ids[key]}/assignee`,
        payload: { memberId: who.me.member.id },
      }),
    );
  }
});
afterEach(async () => t.close());

async function visibleTo(session: TestSession): Promise<string[]> {
  const response = await t.app.inject(as(session, { url: '/api/v1/conversations?tab=all' }));
  return response
    .json()
    .items.map((item: { id: string }) => item.id)
    .sort();
}

describe('who sees which conversations', () => {
  it('shows admins and supervisors everything', async () => {
    expect(await visibleTo(admin)).toEqual(Object.values(ids).sort());
    expect(await visibleTo(supervisor)).toEqual(Object.values(ids).sort());
  });

  it('shows an agent their own and unassigned chats', async () => {
    expect(await visibleTo(ana)).toEqual([ids.ana, ids.unassigned].sort());
    const counts = (await t.app.inject(as(ana, { url: '/api/v1/conversations/counts?tab=all' }))).json();
    expect(counts.tabs.all).toBe(2);
  });

  it('shows an assigned-only agent only their own', async () => {
    expect(await visibleTo(onlyOwn)).toEqual([ids.onlyOwn]);
  });

  it('answers 404 for another agent’s chat, its thread and its actions', async () => {
    for (const url of [`/api/v1/conversations/${ids.luis}`, `/api/v1/conversations/${ids.luis}/messages`]) {
      expect((await t.app.inject(as(ana, { url }))).statusCode).toBe(404);
    }
    const send = await t.app.inject(
      as(ana, {
        method: 'POST',
        url: `/api/v1/conversations/${ids.luis}/messages`,
        payload: { type: 'text', clientId: 'sneaky-0001', text: 'hola' },
      }),
    );
    expect(send.json().error.code).toBe('CONVERSATION_NOT_FOUND');
  });

  it('lets supervisors read and add notes but not send', async () => {
    const url = `/api/v1/conversations/${ids.ana}/messages`;
    const text = await t.app.inject(
      as(supervisor, {
        method: 'POST',
        url,
        payload: { type: 'text', clientId: 'super-0001', text: 'hola' },
      }),
    );
    expect(text.statusCode).toBe(403);
    expect(text.json().error.code).toBe('SUPERVISOR_CANNOT_SEND');
    const note = await t.app.inject(
      as(supervisor, {
        method: 'POST',
        url,
        payload: { type: 'note', clientId: 'super-0002', text: 'Revisar precio' },
      }),
    );
    expect(note.statusCode).toBe(201);
    expect(note.json()).toMatchObject({ kind: 'note', direction: 'internal', delivery: null });
  });

  it('shows nothing of another workspace', async () => {
    const other = await createAnotherWorkspace(t.app, t.db);
    expect(await visibleTo(other)).toEqual([]);
    expect(
      (await t.app.inject(as(other, { url: `/api/v1/conversations/${ids.unassigned}` }))).statusCode,
    ).toBe(404);
    const assign = await t.app.inject(
      as(other, {
        method: 'PUT',
        url: `/api/v1/conversations/${ids.unassigned}/assignee`,
        payload: { memberId: other.me.member.id },
      }),
    );
    expect(assign.statusCode).toBe(404);
    const counts = (await t.app.inject(as(other, { url: '/api/v1/conversations/counts?tab=all' }))).json();
    expect(counts.tabs.all).toBe(0);
  });
});
