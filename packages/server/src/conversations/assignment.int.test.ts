import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMember, as, startWithOneConversation, type TestApp, type TestSession } from '../testing/index.ts';

let t: TestApp;
let admin: TestSession;
let conversationId: string;
beforeEach(async () => {
  ({ t, admin, conversationId } = await startWithOneConversation({
    from: '5215511112222',
    profileName: 'Lucía',
  }));
});
afterEach(async () => t.close());

const assign = (
  who: TestSession,
  payload: { memberId: string | null; expectedMemberId?: string | null },
  id = conversationId,
) => t.app.inject(as(who, { method: 'PUT', url: `/api/v1/conversations/${id}/assignee`, payload }));

describe('assignment', () => {
  it('assigns, reassigns and unassigns the customer, each with an activity line', async () => {
    const ana = await addMember(t.app, admin, 'agent', { name: 'Ana' });
    const luis = await addMember(t.app, admin, 'agent', { name: 'Luis' });
    expect((await assign(admin, { memberId: ana.me.member.id })).json().assignee).toEqual({
      id: ana.me.member.id,
      name: 'Ana',
    });
    expect((await assign(admin, { memberId: luis.me.member.id })).json().assignee.name).toBe('Luis');
    expect((await assign(admin, { memberId: null })).json().assignee).toBeNull();

    const thread = (
      await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}/messages` }))
    ).json();
    const lines = thread.items.filter((message: { kind: string }) => message.kind === 'activity');
    expect(
      lines.map((line: { content: { action: string; to: string | null } }) => [
        line.content.action,
        line.content.to,
      ]),
    ).toEqual([
      ['assigned', ana.me.member.id],
      ['assigned', luis.me.member.id],
      ['unassigned', null],
    ]);
  });

  it('shows the owner on all of the customer’s conversations', async () => {
    const ana = await addMember(t.app, admin, 'agent', { name: 'Ana' });
    await assign(admin, { memberId: ana.me.member.id });
    const list = (
      await t.app.inject(as(admin, { url: `/api/v1/conversations?assignee=${ana.me.member.id}` }))
    ).json();
    expect(list.items.map((item: { id: string }) => item.id)).toEqual([conversationId]);
  });

  it('lets exactly one of two agents claiming at once win; the other gets a clear conflict', async () => {
    const ana = await addMember(t.app, admin, 'agent', { name: 'Ana' });
    const luis = await addMember(t.app, admin, 'agent', { name: 'Luis' });
    const results = await Promise.all([
      assign(ana, { memberId: ana.me.member.id, expectedMemberId: null }),
      assign(luis, { memberId: luis.me.member.id, expectedMemberId: null }),
    ]);
    const codes = results.map((response) => response.statusCode).sort();
    expect(codes).toEqual([200, 409]);
    const loser = results.find((response) => response.statusCode === 409);
    expect(loser?.json().error.code).toBe('ASSIGNMENT_CONFLICT');
    const winner = results.find((response) => response.statusCode === 200)?.json().assignee.id;
    const owner = (await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}` }))).json()
      .assignee.id;
    expect(owner).toBe(winner);
  });

  it('refuses a stale expected owner instead of overwriting', async () => {
    const ana = await addMember(t.app, admin, 'agent');
    await assign(admin, { memberId: ana.me.member.id });
    const stale = await assign(admin, { memberId: null, expectedMemberId: null });
    expect(stale.json().error.code).toBe('ASSIGNMENT_CONFLICT');
  });

  it('makes the first member who replies in an unassigned chat its owner', async () => {
    const ana = await addMember(t.app, admin, 'agent', { name: 'Ana' });
    const reply = await t.app.inject(
      as(ana, {
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/messages`,
        payload: { type: 'text', clientId: 'first-reply-1', text: '¡Hola Lucía!' },
      }),
    );
    expect(reply.statusCode).toBe(201);
    const after = (await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}` }))).json();
    expect(after.assignee).toEqual({ id: ana.me.member.id, name: 'Ana' });
  });

  it('refuses an unknown or deactivated member as the new owner, naming the field', async () => {
    const gone = await addMember(t.app, admin, 'agent');
    await t.app.inject(
      as(admin, { method: 'PATCH', url: `/api/v1/members/${gone.me.member.id}`, payload: { active: false } }),
    );
    for (const memberId of ['no-such-member', gone.me.member.id]) {
      const response = await assign(admin, { memberId });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.fields[0].field).toBe('body.memberId');
    }
  });
});
