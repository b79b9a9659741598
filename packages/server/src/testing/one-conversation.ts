import { createChannel, customerWrites } from './inbox-factories.ts';
import { setUpWorkspace } from './sessions.ts';
import { createTestApp } from './test-app.ts';

type FirstMessage = Omit<Parameters<typeof customerWrites>[2], 'at'>;

/** A fresh app whose admin has one WhatsApp channel where one customer has written once. */
export async function startWithOneConversation(first: FirstMessage) {
  const t = await createTestApp();
  const admin = await setUpWorkspace(t.app);
  const channel = await createChannel(t.db, admin.me.workspace.id);
  const { conversationId } = await customerWrites(t.db, channel, { ...first, at: t.clock.now() });
  return { t, admin, channel, conversationId };
}
