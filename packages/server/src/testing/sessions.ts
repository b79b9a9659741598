import type { MeResponse, Role } from '@charla/contracts';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Db } from '../db/client.ts';
import { createWorkspace } from '../workspaces/commands/create-workspace.ts';

/** A signed-in browser as tests see it: its cookie and CSRF token. */
export interface TestSession {
  cookie: string;
  csrfToken: string;
  me: MeResponse;
}

/** Headers a signed-in browser sends on a write. */
export function sessionHeaders(session: TestSession): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
}

function sessionFrom(response: LightMyRequestResponse): TestSession {
  if (response.statusCode >= 300) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((item) => item.name === 'charla_session');
  if (!cookie) throw new Error('no session cookie was set');
  const me = response.json<MeResponse>();
  return { cookie: `charla_session=${cookie.value}`, csrfToken: me.csrfToken ?? '', me };
}

let counter = 0;

/** A unique e-mail for a test member. */
export function uniqueEmail(prefix = 'member'): string {
  counter += 1;
  return `${prefix}.${counter}.${Math.random().toString(36).slice(2, 7)}@example.com`;
}

export const TEST_PASSWORD = 'correct horse battery';

/** Runs first-run setup through the API; returns the admin's session. */
export async function setUpWorkspace(
  app: FastifyInstance,
  workspaceName = 'Tienda Ñandú',
): Promise<TestSession> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/setup',
    payload: { workspaceName, name: 'Ana Admin', email: uniqueEmail('admin'), password: TEST_PASSWORD },
  });
  return sessionFrom(response);
}

/** Signs in with e-mail and password. */
export async function signIn(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
): Promise<TestSession> {
  return sessionFrom(
    await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } }),
  );
}

/** An admin adds a member with a role; returns the new member's session. */
export async function addMember(
  app: FastifyInstance,
  admin: TestSession,
  role: Role,
  extra: { assignedOnly?: boolean; name?: string } = {},
): Promise<TestSession> {
  const email = uniqueEmail(role);
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/members',
    headers: sessionHeaders(admin),
    payload: {
      name: extra.name ?? `Test ${role}`,
      email,
      password: TEST_PASSWORD,
      role,
      assignedOnly: extra.assignedOnly ?? false,
    },
  });
  if (created.statusCode !== 201) throw new Error(`could not add member: ${created.body}`);
  return signIn(app, email);
}

/** Shorthand for an injected request as a signed-in member. */
export function as(session: TestSession, options: InjectOptions): InjectOptions {
  return { ...options, headers: { ...sessionHeaders(session), ...(options.headers ?? {}) } };
}

/**
 * A second (third…) workspace with its own admin, made the way `charla workspace create` makes
 * it, since first-run setup only works once.
 */
export async function createAnotherWorkspace(
  app: FastifyInstance,
  db: Db,
  workspaceName = 'Otra Tienda',
): Promise<TestSession> {
  const email = uniqueEmail('other-admin');
  await createWorkspace(db, Date.now(), {
    workspaceName,
    adminName: 'Otro Admin',
    adminEmail: email,
    adminPassword: TEST_PASSWORD,
  });
  return signIn(app, email);
}

/** A multipart/form-data body with one file, ready for `inject`. */
export async function multipartFile(bytes: Buffer, fileName: string, field = 'file') {
  const form = new FormData();
  form.set(field, new Blob([new Uint8Array(bytes)]), fileName);
  const request = new Request('http://local/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') ?? '',
  };
}

/** Uploads a file as a member through `POST /api/v1/media` (with `?channelId=` to check its limits). */
export async function uploadFile(
  app: FastifyInstance,
  who: TestSession,
  bytes: Buffer,
  fileName: string,
  query = '',
) {
  const { payload, contentType } = await multipartFile(bytes, fileName);
  return app.inject(
    as(who, {
      method: 'POST',
      url: `/api/v1/media${query}`,
      payload,
      headers: { 'content-type': contentType },
    }),
  );
}
