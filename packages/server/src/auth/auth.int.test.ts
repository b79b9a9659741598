import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  as,
  createTestApp,
  setUpWorkspace,
  signIn,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/index.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '5', SESSION_TTL_HOURS: '2' });
});
afterEach(async () => t.close());

describe('first-run setup', () => {
  it('creates the workspace and its admin, signs them in, and is refused afterwards', async () => {
    expect((await t.app.inject({ url: '/api/v1/setup' })).json()).toEqual({ needsSetup: true });

    const admin = await setUpWorkspace(t.app, 'Café Ñandú');
    expect(admin.me.workspace.name).toBe('Café Ñandú');
    expect(admin.me.member.role).toBe('admin');

    expect((await t.app.inject({ url: '/api/v1/setup' })).json()).toEqual({ needsSetup: false });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: {
        workspaceName: 'Second',
        name: 'Mallory',
        email: 'mallory@example.com',
        password: TEST_PASSWORD,
      },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SETUP_ALREADY_DONE');
  });

  it('names every invalid field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { workspaceName: '', name: 'Ana', email: 'not-an-email', password: 'short' },
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.fields.map((field: { field: string }) => field.field);
    expect(fields).toEqual(expect.arrayContaining(['body.workspaceName', 'body.email', 'body.password']));
  });

  it('answers malformed JSON with a 400 naming the body', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      headers: { 'content-type': 'application/json' },
      payload: '{"workspaceName": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ field: 'body', message: 'must be valid JSON' }]);
  });

  it('answers in Spanish when the client prefers it', async () => {
    const response = await t.app.inject({
      url: '/api/v1/me',
      headers: { 'accept-language': 'es-MX,es;q=0.9' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toBe('Inicia sesión.');
  });
});

describe('signing in and out', () => {
  it('refuses a wrong password and an unknown e-mail alike', async () => {
    const admin = await setUpWorkspace(t.app);
    for (const payload of [
      { email: admin.me.member.email, password: 'wrong password!' },
      { email: 'nobody@example.com', password: TEST_PASSWORD },
    ]) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('INVALID_CREDENTIALS');
    }
  });

  it('sets an httpOnly SameSite cookie and shows who is signed in', async () => {
    const admin = await setUpWorkspace(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: admin.me.member.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((item) => item.name === 'charla_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await t.app.inject({
      url: '/api/v1/me',
      headers: { cookie: `charla_session=${cookie?.value}` },
    });
    expect(me.json().member.email).toBe(admin.me.member.email);
    expect(me.json().member).not.toHaveProperty('passwordHash');
  });

  it('limits failed attempts per address and e-mail', async () => {
    const admin = await setUpWorkspace(t.app);
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: admin.me.member.email, password: 'wrong password!' },
      });
    for (let i = 0; i < 5; i += 1) expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).json().error.code).toBe('RATE_LIMITED');
    // Even the right password waits until the minute has passed.
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: admin.me.member.email, password: TEST_PASSWORD },
    });
    expect(right.statusCode).toBe(429);
    t.clock.advance(61_000);
    await expect(signIn(t.app, admin.me.member.email)).resolves.toBeDefined();
  });

  it('refuses an expired session', async () => {
    const admin = await setUpWorkspace(t.app);
    t.clock.advance(2 * 3_600_000 + 1);
    const response = await t.app.inject({ url: '/api/v1/me', headers: { cookie: admin.cookie } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('keeps an active session alive past its first TTL', async () => {
    const admin = await setUpWorkspace(t.app);
    t.clock.advance(1.5 * 3_600_000);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: admin.cookie } })).statusCode).toBe(
      200,
    );
    t.clock.advance(1.5 * 3_600_000);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: admin.cookie } })).statusCode).toBe(
      200,
    );
  });

  it('ends the session on sign-out', async () => {
    const admin = await setUpWorkspace(t.app);
    const out = await t.app.inject(as(admin, { method: 'POST', url: '/api/v1/auth/logout' }));
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: admin.cookie } })).statusCode).toBe(
      401,
    );
  });
});

describe('CSRF protection on cookie writes', () => {
  it('refuses a write without the CSRF header, with a wrong one, or from another origin', async () => {
    const admin = await setUpWorkspace(t.app);
    const write = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/me/availability',
        headers,
        payload: { availability: 'away' },
      });

    expect((await write({ cookie: admin.cookie })).json().error.code).toBe('CSRF_TOKEN_INVALID');
    expect((await write({ cookie: admin.cookie, 'x-csrf-token': 'forged' })).json().error.code).toBe(
      'CSRF_TOKEN_INVALID',
    );
    const foreign = await write({
      cookie: admin.cookie,
      'x-csrf-token': admin.csrfToken,
      origin: 'https://evil.example',
    });
    expect(foreign.json().error.code).toBe('ORIGIN_NOT_ALLOWED');

    const ok = await write({
      cookie: admin.cookie,
      'x-csrf-token': admin.csrfToken,
      origin: 'http://localhost:80',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().availability).toBe('away');
  });
});

describe('availability', () => {
  it('lets any member set themselves away and back', async () => {
    const admin = await setUpWorkspace(t.app);
    const agent = await addMember(t.app, admin, 'agent');
    const away = await t.app.inject(
      as(agent, { method: 'PUT', url: '/api/v1/me/availability', payload: { availability: 'away' } }),
    );
    expect(away.json().availability).toBe('away');
    const list = await t.app.inject(as(admin, { url: '/api/v1/members' }));
    const listed = list.json().items.find((member: { id: string }) => member.id === agent.me.member.id);
    expect(listed.availability).toBe('away');
    const bad = await t.app.inject(
      as(agent, { method: 'PUT', url: '/api/v1/me/availability', payload: { availability: 'asleep' } }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('body.availability');
  });
});
