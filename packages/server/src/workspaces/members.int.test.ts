import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  as,
  createAnotherWorkspace,
  createTestApp,
  setUpWorkspace,
  signIn,
  TEST_PASSWORD,
  type TestApp,
  uniqueEmail,
} from '../testing/index.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

describe('managing members', () => {
  it('lets an admin add, edit and deactivate a member, who is then signed out and refused', async () => {
    const admin = await setUpWorkspace(t.app);
    const agent = await addMember(t.app, admin, 'agent', { name: 'José Pérez' });
    expect(agent.me.member).toMatchObject({
      role: 'agent',
      name: 'José Pérez',
      assignedOnly: false,
      active: true,
    });

    const edited = await t.app.inject(
      as(admin, {
        method: 'PATCH',
        url: `/api/v1/members/${agent.me.member.id}`,
        payload: { role: 'supervisor', assignedOnly: true },
      }),
    );
    expect(edited.json()).toMatchObject({ role: 'supervisor', assignedOnly: true });

    const deactivated = await t.app.inject(
      as(admin, {
        method: 'PATCH',
        url: `/api/v1/members/${agent.me.member.id}`,
        payload: { active: false },
      }),
    );
    expect(deactivated.json().active).toBe(false);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: agent.cookie } })).statusCode).toBe(
      401,
    );
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: agent.me.member.email, password: TEST_PASSWORD },
    });
    expect(login.json().error.code).toBe('MEMBER_DEACTIVATED');

    await t.app.inject(
      as(admin, { method: 'PATCH', url: `/api/v1/members/${agent.me.member.id}`, payload: { active: true } }),
    );
    await expect(signIn(t.app, agent.me.member.email)).resolves.toBeDefined();
  });

  it('refuses agents and supervisors who try to manage members', async () => {
    const admin = await setUpWorkspace(t.app);
    for (const role of ['agent', 'supervisor'] as const) {
      const member = await addMember(t.app, admin, role);
      const create = await t.app.inject(
        as(member, {
          method: 'POST',
          url: '/api/v1/members',
          payload: { name: 'Intruso', email: uniqueEmail(), password: TEST_PASSWORD, role: 'admin' },
        }),
      );
      expect(create.statusCode).toBe(403);
      expect(create.json().error.code).toBe('FORBIDDEN');
      const promote = await t.app.inject(
        as(member, {
          method: 'PATCH',
          url: `/api/v1/members/${member.me.member.id}`,
          payload: { role: 'admin' },
        }),
      );
      expect(promote.statusCode).toBe(403);
      // Members can still see who is on the team, to assign chats.
      expect((await t.app.inject(as(member, { url: '/api/v1/members' }))).statusCode).toBe(200);
    }
  });

  it('refuses a duplicate e-mail and names the field', async () => {
    const admin = await setUpWorkspace(t.app);
    const response = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/v1/members',
        payload: { name: 'Copy', email: admin.me.member.email, password: TEST_PASSWORD, role: 'agent' },
      }),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'EMAIL_TAKEN', fields: [{ field: 'body.email' }] });
  });

  it('keeps at least one active admin', async () => {
    const admin = await setUpWorkspace(t.app);
    const demote = await t.app.inject(
      as(admin, {
        method: 'PATCH',
        url: `/api/v1/members/${admin.me.member.id}`,
        payload: { role: 'agent' },
      }),
    );
    expect(demote.json().error.code).toBe('LAST_ADMIN');
    const me = await t.app.inject(as(admin, { url: '/api/v1/me' }));
    expect(me.json().member.role).toBe('admin');
  });

  it('rejects an empty edit and an unknown role', async () => {
    const admin = await setUpWorkspace(t.app);
    const url = `/api/v1/members/${admin.me.member.id}`;
    expect((await t.app.inject(as(admin, { method: 'PATCH', url, payload: {} }))).statusCode).toBe(400);
    const badRole = await t.app.inject(as(admin, { method: 'PATCH', url, payload: { role: 'owner' } }));
    expect(badRole.json().error.fields[0].field).toBe('body.role');
  });
});

describe('API keys', () => {
  it('authenticates with a bearer key without CSRF, and refuses it once revoked', async () => {
    const admin = await setUpWorkspace(t.app);
    const created = await t.app.inject(
      as(admin, { method: 'POST', url: '/api/v1/api-keys', payload: { name: 'Tienda online' } }),
    );
    expect(created.statusCode).toBe(201);
    const { apiKey, secret } = created.json();
    expect(secret.startsWith(apiKey.prefix)).toBe(true);

    const bearer = { authorization: `Bearer ${secret}` };
    const me = await t.app.inject({ url: '/api/v1/me', headers: bearer });
    expect(me.json()).toMatchObject({ via: 'api_key', csrfToken: null, member: { id: admin.me.member.id } });
    const write = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/availability',
      headers: bearer,
      payload: { availability: 'away' },
    });
    expect(write.statusCode).toBe(200);

    const list = await t.app.inject(as(admin, { url: '/api/v1/api-keys' }));
    expect(JSON.stringify(list.json())).not.toContain(secret);
    expect(list.json().items[0].lastUsedAt).not.toBeNull();

    const revoked = await t.app.inject(as(admin, { method: 'DELETE', url: `/api/v1/api-keys/${apiKey.id}` }));
    expect(revoked.statusCode).toBe(204);
    const refused = await t.app.inject({ url: '/api/v1/me', headers: bearer });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('API_KEY_INVALID');
  });

  it('refuses a made-up key', async () => {
    await setUpWorkspace(t.app);
    const response = await t.app.inject({
      url: '/api/v1/me',
      headers: { authorization: 'Bearer chk_madeup' },
    });
    expect(response.json().error.code).toBe('API_KEY_INVALID');
  });

  it('lets only admins create and revoke keys', async () => {
    const admin = await setUpWorkspace(t.app);
    const agent = await addMember(t.app, admin, 'agent');
    const response = await t.app.inject(
      as(agent, { method: 'POST', url: '/api/v1/api-keys', payload: { name: 'x' } }),
    );
    expect(response.statusCode).toBe(403);
    expect((await t.app.inject(as(agent, { url: '/api/v1/api-keys' }))).statusCode).toBe(403);
  });
});

describe('tenant isolation', () => {
  it('shows and changes nothing of workspace A from workspace B', async () => {
    const adminA = await setUpWorkspace(t.app, 'A');
    const agentA = await addMember(t.app, adminA, 'agent');
    const keyA = (
      await t.app.inject(as(adminA, { method: 'POST', url: '/api/v1/api-keys', payload: { name: 'A key' } }))
    ).json();
    const adminB = await createAnotherWorkspace(t.app, t.db, 'B');

    const members = await t.app.inject(as(adminB, { url: '/api/v1/members' }));
    expect(members.json().items.map((member: { id: string }) => member.id)).toEqual([adminB.me.member.id]);
    expect((await t.app.inject(as(adminB, { url: '/api/v1/api-keys' }))).json().items).toEqual([]);

    const edit = await t.app.inject(
      as(adminB, {
        method: 'PATCH',
        url: `/api/v1/members/${agentA.me.member.id}`,
        payload: { active: false },
      }),
    );
    expect(edit.statusCode).toBe(404);
    const revoke = await t.app.inject(
      as(adminB, { method: 'DELETE', url: `/api/v1/api-keys/${keyA.apiKey.id}` }),
    );
    expect(revoke.statusCode).toBe(404);

    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: agentA.cookie } })).statusCode).toBe(
      200,
    );
    const stillValid = await t.app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${keyA.secret}` },
    });
    expect(stillValid.json().workspace.name).toBe('A');
  });
});
