import { type MetaSandbox, startMetaSandbox } from '@charla/meta-sandbox';
import { findFreePort, type RunningServer, startServer } from './server.ts';

const APP_SECRET = 'e2e-app-secret';

/** A member as the journeys sign in with. */
export interface Account {
  name: string;
  email: string;
  password: string;
}

/** A signed-in API session, for arranging data a journey is not about. */
export interface ApiSession {
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
}

/** The real server wired to a Meta sandbox, with a workspace, two agents and the sandbox channels. */
export interface InboxStack {
  server: RunningServer;
  sandbox: MetaSandbox;
  admin: Account;
  agents: [Account, Account];
  /** The admin's API session. */
  api: ApiSession;
  channels: { whatsapp: string; messenger: string; instagram: string };
  stop(): Promise<void>;
}

export const ADMIN: Account = { name: 'Ana Torres', email: 'ana@tienda.test', password: 'clave-segura-2026' };
const AGENTS: [Account, Account] = [
  { name: 'Luis Herrera', email: 'luis@tienda.test', password: 'clave-de-luis-2026' },
  { name: 'Sofía Ramírez', email: 'sofia@tienda.test', password: 'clave-de-sofia-2026' },
];

async function signIn(baseUrl: string, path: '/setup' | '/auth/login', body: unknown): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    async request<T>(method: string, requestPath: string, payload?: unknown): Promise<T> {
      const answer = await fetch(`${baseUrl}/api/v1${requestPath}`, {
        method,
        headers: {
          cookie,
          origin: baseUrl,
          'x-csrf-token': csrfToken,
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
      const text = await answer.text();
      if (!answer.ok) throw new Error(`${method} ${requestPath} answered ${answer.status}: ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

/**
 * Starts the sandbox on its own port with webhooks aimed at the server's port, then the server
 * with the sandbox as its Graph API; sets up the workspace, the agents and the three channels.
 */
export async function startInboxStack(): Promise<InboxStack> {
  const port = await findFreePort();
  const sandbox = await startMetaSandbox({
    port: 0,
    host: '127.0.0.1',
    webhookUrl: `http://127.0.0.1:${port}/webhooks/meta`,
    appSecret: APP_SECRET,
  });
  let server: RunningServer;
  try {
    server = await startServer(
      { META_GRAPH_URL: sandbox.graphUrl, META_APP_SECRET: APP_SECRET, META_VERIFY_TOKEN: 'e2e-verify' },
      { port },
    );
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  const api = await signIn(server.baseUrl, '/setup', {
    workspaceName: 'Tienda Aurora',
    name: ADMIN.name,
    email: ADMIN.email,
    password: ADMIN.password,
  });
  for (const agent of AGENTS) {
    await api.request('POST', '/members', { ...agent, role: 'agent', assignedOnly: true });
  }
  const whatsapp = sandbox.assets.whatsapp();
  const messenger = sandbox.assets.messenger();
  const instagram = sandbox.assets.instagram();
  const connect = (body: unknown) => api.request<{ id: string }>('POST', '/channels', body);
  const channels = {
    whatsapp: (
      await connect({
        type: 'whatsapp',
        name: 'WhatsApp Ventas',
        phoneNumberId: whatsapp.phoneNumberId,
        wabaId: whatsapp.wabaId,
        displayPhoneNumber: `+${whatsapp.displayPhone}`,
        accessToken: whatsapp.token,
      })
    ).id,
    messenger: (
      await connect({
        type: 'messenger',
        name: 'Página Aurora',
        pageId: messenger.pageId,
        accessToken: messenger.token,
      })
    ).id,
    instagram: (
      await connect({
        type: 'instagram',
        name: 'Instagram @aurora',
        instagramAccountId: instagram.igAccountId,
        pageId: messenger.pageId,
        username: instagram.username,
        accessToken: instagram.token,
      })
    ).id,
  };
  return {
    server,
    sandbox,
    admin: ADMIN,
    agents: AGENTS,
    api,
    channels,
    async stop() {
      await server.stop();
      await sandbox.close();
    },
  };
}
