import { afterEach, describe, expect, it } from 'vitest';
import {
  appendTestEvent,
  createTestApp,
  RealtimeTestClient,
  setUpWorkspace,
  type TestApp,
  testEngine,
} from '../testing/index.ts';

const apps: TestApp[] = [];
const clients: RealtimeTestClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  // Later instances first: they close only their own connections; the first drops the database.
  for (const app of apps.splice(0).reverse()) await app.close();
});

async function startApp(sameDatabaseAs?: TestApp): Promise<TestApp> {
  const app = await createTestApp({}, sameDatabaseAs ? { sameDatabaseAs } : {});
  apps.push(app);
  return app;
}

describe('realtime with writers outside this process', () => {
  it('delivers events another process committed (the CLI, another node), which no local commit announces', async () => {
    const server = await startApp();
    const url = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const admin = await setUpWorkspace(server.app);
    const client = await RealtimeTestClient.connect(url, { cookie: admin.cookie });
    clients.push(client);
    await client.helloLastId();

    const outside = server.db.reopen();
    try {
      const id = await appendTestEvent(outside, admin.me.workspace.id, {
        kind: 'conversation',
        conversationId: 'conv-from-outside',
        owner: null,
      });
      expect(await client.waitForEvent(id)).toMatchObject({ conversation: { id: 'conv-from-outside' } });
    } finally {
      await outside.close();
    }
  });

  // Several app instances share one database only on PostgreSQL (SQLite serves one process), so
  // this test is defined only there rather than skipped on SQLite.
  if (testEngine() === 'postgres') {
    it('delivers an event committed through one app instance to a socket on another', async () => {
      const first = await startApp();
      const second = await startApp(first);
      const secondUrl = await second.app.listen({ port: 0, host: '127.0.0.1' });
      const admin = await setUpWorkspace(first.app);

      const client = await RealtimeTestClient.connect(secondUrl, { cookie: admin.cookie });
      clients.push(client);
      await client.helloLastId();
      const id = await appendTestEvent(first.db, admin.me.workspace.id, {
        kind: 'conversation',
        conversationId: 'conv-from-first',
        owner: null,
      });
      expect(await client.waitForEvent(id)).toMatchObject({
        type: 'conversation.updated',
        conversation: { id: 'conv-from-first' },
      });
    });
  }
});
