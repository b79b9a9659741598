import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../platform/ids.ts';
import {
  addMember,
  as,
  createAnotherWorkspace,
  createChannel,
  createTestApp,
  customerWrites,
  setUpWorkspace,
  type TestApp,
  type TestSession,
} from '../testing/index.ts';

let t: TestApp;
let admin: TestSession;

beforeEach(async () => {
  t = await createTestApp();
  admin = await setUpWorkspace(t.app);
});
afterEach(async () => t.close());

/** The customer behind a conversation, as the list row names them. */
async function customerIdOf(conversationId: string): Promise<string> {
  return (await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}` }))).json().customer
    .id;
}

const profile = (session: TestSession, customerId: string) =>
  t.app.inject(as(session, { url: `/api/v1/customers/${customerId}` }));

async function assign(conversationId: string, member: TestSession) {
  await t.app.inject(
    as(admin, {
      method: 'PUT',
      url: `/api/v1/conversations/${conversationId}/assignee`,
      payload: { memberId: member.me.member.id },
    }),
  );
}

describe('the customer profile', () => {
  it('shows the customer with phone, tags, channel identity, owner and conversations', async () => {
    const whatsapp = await createChannel(t.db, admin.me.workspace.id, 'whatsapp', 'Ventas');
    const { conversationId } = await customerWrites(t.db, whatsapp, {
      from: '5215512345678',
      profileName: 'Mariana López',
      at: t.clock.now(),
    });
    const customerId = await customerIdOf(conversationId);
    const tagId = newId();
    await t.db.kysely
      .insertInto('tags')
      .values({
        id: tagId,
        workspace_id: admin.me.workspace.id,
        name: 'VIP',
        name_key: 'vip',
        color: '#f59e0b',
        created_at: 0,
      })
      .execute();
    await t.db.kysely
      .insertInto('customer_tags')
      .values({ customer_id: customerId, tag_id: tagId, workspace_id: admin.me.workspace.id, created_at: 0 })
      .execute();
    await assign(conversationId, admin);

    const response = await profile(admin, customerId);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.customer).toMatchObject({
      id: customerId,
      displayName: 'Mariana López',
      phone: '5215512345678',
      tags: [{ id: tagId, name: 'VIP', color: '#f59e0b' }],
      identities: [{ channelId: whatsapp.id, channelType: 'whatsapp', externalId: '5215512345678' }],
      ownerMemberId: admin.me.member.id,
    });
    expect(body.owner).toEqual({ id: admin.me.member.id, name: admin.me.member.name });
    expect(body.conversations.map((item: { id: string }) => item.id)).toEqual([conversationId]);
    expect(body.conversations[0].channel).toMatchObject({ id: whatsapp.id, name: 'Ventas' });
  });

  it('is visible to an agent exactly when the customer is theirs or unassigned', async () => {
    const ana = await addMember(t.app, admin, 'agent', { name: 'Ana' });
    const luis = await addMember(t.app, admin, 'agent', { name: 'Luis' });
    const onlyOwn = await addMember(t.app, admin, 'agent', { name: 'Olga', assignedOnly: true });
    const supervisor = await addMember(t.app, admin, 'supervisor');
    const channel = await createChannel(t.db, admin.me.workspace.id);
    const ofAna = await customerWrites(t.db, channel, { from: '5215500000001', at: t.clock.now() });
    const unassigned = await customerWrites(t.db, channel, { from: '5215500000002', at: t.clock.now() });
    await assign(ofAna.conversationId, ana);
    const anaCustomer = await customerIdOf(ofAna.conversationId);
    const unassignedCustomer = await customerIdOf(unassigned.conversationId);

    expect((await profile(ana, anaCustomer)).statusCode).toBe(200);
    expect((await profile(ana, unassignedCustomer)).statusCode).toBe(200);
    expect((await profile(supervisor, anaCustomer)).statusCode).toBe(200);
    const hidden = await profile(luis, anaCustomer);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('CUSTOMER_NOT_FOUND');
    expect((await profile(onlyOwn, unassignedCustomer)).statusCode).toBe(404);
  });

  it('answers a member of another workspace as if the customer did not exist', async () => {
    const channel = await createChannel(t.db, admin.me.workspace.id);
    const { conversationId } = await customerWrites(t.db, channel, {
      from: '5215500000009',
      at: t.clock.now(),
    });
    const customerId = await customerIdOf(conversationId);
    const outsider = await createAnotherWorkspace(t.app, t.db);
    const response = await profile(outsider, customerId);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('CUSTOMER_NOT_FOUND');
    expect((await profile(admin, newId())).statusCode).toBe(404);
  });
});
