import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startMetaSandbox } from '@charla/meta-sandbox';
import type { Actor } from '../auth/actor.ts';
import { listChannels } from '../channels/channels.repo.ts';
import { connectChannel } from '../channels/commands/connect-channel.ts';
import { loadConfig } from '../config/config.ts';
import { startRuntime } from '../runtime.ts';
import { createMember } from '../workspaces/commands/create-member.ts';
import { createWorkspace } from '../workspaces/commands/create-workspace.ts';
import { findMemberByEmail } from '../workspaces/workspaces.repo.ts';

/**
 * `npm run demo`: Charla with the Meta sandbox standing in for Meta, a demo workspace with three
 * connected sandbox channels, and simulated customers writing in Spanish and English. Data goes
 * to DATA_DIR (default ./data/demo), apart from a real installation's ./data.
 */
const ADMIN = { email: 'demo@charla.test', password: 'charla-demo-2026', name: 'Ana Demo' };
const AGENTS = [
  { email: 'luis@charla.test', name: 'Luis Herrera' },
  { email: 'sofia@charla.test', name: 'Sofía Ramírez' },
];
const APP_SECRET = 'sandbox-app-secret';

/** Marks a data directory as the demo's own, so only such a directory is ever wiped. */
const DEMO_MARKER = '.charla-demo';
const DEFAULT_DEMO_DATA_DIR = './data/demo';

/**
 * The sandbox keeps its customers, sends and 24-hour windows in memory, so data left by an
 * earlier run would disagree with it (replies refused as outside the window): start clean. A
 * directory without the demo's marker (a real installation's DATA_DIR) is refused, never wiped.
 */
function resetDemoData(dataDir: string): void {
  if (
    existsSync(dataDir) &&
    readdirSync(dataDir).length > 0 &&
    !existsSync(path.join(dataDir, DEMO_MARKER))
  ) {
    throw new Error(
      `${dataDir} holds data that is not the demo's; point DATA_DIR at an empty or demo directory`,
    );
  }
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, DEMO_MARKER), 'Data of `npm run demo`, wiped at each start.\n');
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const sandbox = await startMetaSandbox({
    port: Number(process.env.SANDBOX_PORT ?? 0),
    host: '127.0.0.1',
    webhookUrl: `http://127.0.0.1:${port}/webhooks/meta`,
    appSecret: APP_SECRET,
  });
  const config = loadConfig({
    DATA_DIR: DEFAULT_DEMO_DATA_DIR,
    META_VERIFY_TOKEN: 'charla-demo',
    ...process.env,
    PORT: String(port),
    META_GRAPH_URL: sandbox.graphUrl,
    META_APP_SECRET: APP_SECRET,
  });
  resetDemoData(config.dataDir);
  const runtime = await startRuntime(config);
  const { db, clock, secretBox } = runtime.deps;
  const now = clock.now();

  let admin = await findMemberByEmail(db.kysely, ADMIN.email);
  if (!admin) {
    admin = (
      await createWorkspace(db, now, {
        workspaceName: 'Tienda Demo',
        adminName: ADMIN.name,
        adminEmail: ADMIN.email,
        adminPassword: ADMIN.password,
      })
    ).admin;
  }
  const actor: Actor = {
    workspaceId: admin.workspace_id,
    memberId: admin.id,
    role: 'admin',
    assignedOnly: false,
    via: 'session',
    sessionId: null,
    csrfToken: null,
  };
  for (const agent of AGENTS) {
    if (await findMemberByEmail(db.kysely, agent.email)) continue;
    await createMember(
      db,
      actor,
      { ...agent, password: ADMIN.password, role: 'agent', assignedOnly: false },
      now,
    );
  }
  if ((await listChannels(db.kysely, actor.workspaceId)).length === 0) {
    await connectChannel(
      db,
      secretBox,
      actor,
      {
        type: 'whatsapp',
        name: 'WhatsApp Ventas',
        phoneNumberId: '106540352242922',
        wabaId: '102290129340398',
        displayPhoneNumber: '+1 555 078 3881',
        accessToken: 'sandbox-whatsapp-token',
      },
      now,
    );
    await connectChannel(
      db,
      secretBox,
      actor,
      {
        type: 'messenger',
        name: 'Página Tienda Demo',
        pageId: '1122334455667788',
        accessToken: 'sandbox-page-token',
      },
      now,
    );
    await connectChannel(
      db,
      secretBox,
      actor,
      {
        type: 'instagram',
        name: 'Instagram @tiendademo',
        instagramAccountId: '17841400000000001',
        pageId: '1122334455667788',
        username: 'tiendademo',
        accessToken: 'sandbox-instagram-token',
      },
      now,
    );
  }

  const simulator = sandbox.simulator({
    ratePerSecond: Number(process.env.DEMO_RATE ?? 0.2),
    customers: 25,
    comments: false,
  });
  void simulator.run();

  const url = `http://localhost:${port}`;
  process.stdout.write(
    [
      '',
      `Charla demo is running at ${url}`,
      `  sign in as ${ADMIN.email} / ${ADMIN.password} (agents: ${AGENTS.map((agent) => agent.email).join(', ')}, same password)`,
      `  Meta sandbox: ${sandbox.url} (Graph API ${sandbox.graphUrl}); simulated customers write every few seconds`,
      `  data: ${config.dataDir}; stop with Ctrl+C`,
      '',
    ].join('\n'),
  );

  const stop = async () => {
    simulator.stop();
    await runtime.stop();
    await sandbox.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

await main();
