import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import type { Db } from '../db/client.ts';
import { createLogger } from '../platform/logger.ts';
import type { SocketOwner } from '../realtime/realtime-hub.ts';
import { RealtimeHub, type RealtimeHubOptions } from '../realtime/realtime-hub.ts';

/** A hub with its own tunables behind a bare WebSocket server, for tests of the hub itself. */
export interface HubHarness {
  hub: RealtimeHub;
  /** Base URL; connect with `RealtimeTestClient.connect(url, { path: '/' })`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves every socket as `owner` (authentication is the app's job, tested elsewhere), honouring
 * `?after=` like the app's route.
 */
export async function startHubHarness(
  db: Db,
  owner: SocketOwner,
  options: Partial<RealtimeHubOptions>,
): Promise<HubHarness> {
  const hub = new RealtimeHub(db, createLogger({ LOG_LEVEL: 'silent' }), options);
  await hub.start();
  const server = createServer();
  const sockets = new WebSocketServer({ server });
  sockets.on('connection', (socket, request) => {
    const after = new URL(request.url ?? '/', 'http://harness').searchParams.get('after');
    void hub.attach(socket, owner, after === null ? null : Number(after));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the harness is not on a TCP port');
  return {
    hub,
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      await hub.stop();
      sockets.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
