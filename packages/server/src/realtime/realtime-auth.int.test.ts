import { createdApiKeyResponseSchema } from '@charla/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  appendTestEvent,
  as,
  createTestApp,
  RealtimeTestClient,
  realtimeRefusal,
  setUpWorkspace,
  type TestApp,
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

describe('who may open the realtime socket', () => {
  it('refuses a connection without valid credentials before upgrading', async () => {
    expect(await realtimeRefusal(baseUrl)).toBe(401);
    expect(await realtimeRefusal(baseUrl, { cookie: 'charla_session=forged' })).toBe(401);
    expect(await realtimeRefusal(baseUrl, { bearer: 'not-a-key' })).toBe(401);
  });

  it('refuses a browser session from a foreign origin and accepts it from its own', async () => {
    const admin = await setUpWorkspace(t.app);
    expect(await realtimeRefusal(baseUrl, { cookie: admin.cookie, origin: 'https://evil.example' })).toBe(
      403,
    );
    const client = await RealtimeTestClient.connect(baseUrl, { cookie: admin.cookie, origin: baseUrl });
    clients.push(client);
    await client.helloLastId();
  });

  it('accepts an API key from a server-side client and streams to it', async () => {
    const admin = await setUpWorkspace(t.app);
    const created = await t.app.inject(
      as(admin, { method: 'POST', url: '/api/v1/api-keys', payload: { name: 'CRM sync' } }),
    );
    const { secret } = createdApiKeyResponseSchema.parse(created.json());
    const client = await RealtimeTestClient.connect(baseUrl, { bearer: secret });
    clients.push(client);
    await client.helloLastId();
    const id = await appendTestEvent(t.db, admin.me.workspace.id, {
      kind: 'conversation',
      conversationId: 'conv-1',
      owner: null,
    });
    expect(await client.waitForEvent(id)).toMatchObject({ type: 'conversation.updated' });
  });

  it('refuses a deactivated member and a malformed resume point', async () => {
    const admin = await setUpWorkspace(t.app);
    const agent = await addMember(t.app, admin, 'agent');
    expect(await realtimeRefusal(baseUrl, { cookie: admin.cookie, after: -5 })).toBe(400);
    await t.app.inject(
      as(admin, {
        method: 'PATCH',
        url: `/api/v1/members/${agent.me.member.id}`,
        payload: { active: false },
      }),
    );
    expect(await realtimeRefusal(baseUrl, { cookie: agent.cookie })).toBe(401);
  });
});
