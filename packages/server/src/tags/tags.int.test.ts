import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  assignTo,
  callAs,
  createAnotherWorkspace,
  createTestApp,
  customerWhoWrote,
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

async function createTag(name: string, color = '#0EA5E9', who = admin) {
  const response = await callAs(t, who, 'POST', '/tags', { name, color });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; name: string; color: string };
}

const tagsOf = async (customerId: string) =>
  (await callAs(t, admin, 'GET', `/customers/${customerId}`))
    .json()
    .customer.tags.map((tag: { name: string }) => tag.name);

describe('tags', () => {
  it('creates coloured tags, refuses a name in use in any case, and names bad fields', async () => {
    const vip = await createTag('VIP');
    expect(vip).toMatchObject({ name: 'VIP', color: '#0ea5e9' });
    const again = await callAs(t, admin, 'POST', '/tags', { name: 'vip' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'TAG_NAME_TAKEN', fields: [{ field: 'body.name' }] });
    await createTag('Ñandú');
    expect((await callAs(t, admin, 'POST', '/tags', { name: 'ÑANDÚ' })).json().error.code).toBe(
      'TAG_NAME_TAKEN',
    );
    const badColour = await callAs(t, admin, 'POST', '/tags', { name: 'Mayoreo', color: 'red' });
    expect(badColour.statusCode).toBe(400);
    expect(badColour.json().error.fields[0].field).toBe('body.color');
    const list = (await callAs(t, admin, 'GET', '/tags')).json().items;
    expect(list).toHaveLength(2);
    expect(list).toContainEqual({ ...vip, customerCount: 0 });
  });

  it('tags a customer by id or by name (created inline), once, and removes it', async () => {
    const { customerId, conversationId } = await customerWhoWrote(t, admin, { from: '5215500000010' });
    const vip = await createTag('VIP');
    expect((await callAs(t, admin, 'PUT', `/customers/${customerId}/tags/${vip.id}`)).statusCode).toBe(200);
    expect((await callAs(t, admin, 'PUT', `/customers/${customerId}/tags/${vip.id}`)).statusCode).toBe(200);
    const inline = await callAs(t, admin, 'POST', `/customers/${customerId}/tags`, {
      name: 'Mayoreo',
      color: '#22c55e',
    });
    expect(inline.json()).toMatchObject({ name: 'Mayoreo', color: '#22c55e' });
    const byExistingName = await callAs(t, admin, 'POST', `/customers/${customerId}/tags`, { name: 'vip' });
    expect(byExistingName.json().id).toBe(vip.id);
    expect(await tagsOf(customerId)).toEqual(['Mayoreo', 'VIP']);

    const listRow = (await callAs(t, admin, 'GET', `/conversations/${conversationId}`)).json();
    expect(listRow.customer.tags.map((tag: { name: string }) => tag.name)).toEqual(['Mayoreo', 'VIP']);

    expect((await callAs(t, admin, 'DELETE', `/customers/${customerId}/tags/${vip.id}`)).statusCode).toBe(
      204,
    );
    expect(await tagsOf(customerId)).toEqual(['Mayoreo']);
  });

  it('merges a tag into another leaving each customer with one, and updates their conversations live', async () => {
    const both = await customerWhoWrote(t, admin, { from: '5215500000011' });
    const onlyOld = await customerWhoWrote(t, admin, { from: '5215500000012' });
    const cliente = await createTag('Cliente');
    const clienta = await createTag('cliente frecuente');
    for (const tag of [cliente, clienta])
      await callAs(t, admin, 'PUT', `/customers/${both.customerId}/tags/${tag.id}`);
    await callAs(t, admin, 'PUT', `/customers/${onlyOld.customerId}/tags/${clienta.id}`);
    const lastId = (await callAs(t, admin, 'GET', '/events?after=0')).json().items.at(-1).id;

    const merged = await callAs(t, admin, 'POST', `/tags/${clienta.id}/merge`, { into: cliente.id });
    expect(merged.statusCode).toBe(200);
    expect(await tagsOf(both.customerId)).toEqual(['Cliente']);
    expect(await tagsOf(onlyOld.customerId)).toEqual(['Cliente']);
    const list = (await callAs(t, admin, 'GET', '/tags')).json().items;
    expect(list).toEqual([{ ...cliente, customerCount: 2 }]);
    const filtered = await callAs(t, admin, 'GET', `/conversations?tab=all&tag=${cliente.id}`);
    expect(filtered.json().items).toHaveLength(2);

    const events = (await callAs(t, admin, 'GET', `/events?after=${lastId}`)).json().items;
    const updated = events.filter((event: { type: string }) => event.type === 'conversation.updated');
    expect(updated.map((event: { conversation: { id: string } }) => event.conversation.id).sort()).toEqual(
      [both.conversationId, onlyOld.conversationId].sort(),
    );
    expect(
      (await callAs(t, admin, 'POST', `/tags/${cliente.id}/merge`, { into: cliente.id })).json().error
        .fields[0].field,
    ).toBe('body.into');
  });

  it('renames, recolours and deletes (admins only); agents tag only customers they see', async () => {
    const agent = await addMember(t.app, admin, 'agent');
    const other = await addMember(t.app, admin, 'agent');
    const supervisor = await addMember(t.app, admin, 'supervisor');
    const { customerId, conversationId } = await customerWhoWrote(t, admin, { from: '5215500000013' });
    await assignTo(t, admin, conversationId, agent);
    const tag = await createTag('Queja', '#ef4444', agent);

    for (const who of [agent, supervisor]) {
      expect((await callAs(t, who, 'PATCH', `/tags/${tag.id}`, { name: 'Reclamo' })).statusCode).toBe(403);
      expect((await callAs(t, who, 'DELETE', `/tags/${tag.id}`)).statusCode).toBe(403);
    }
    expect((await callAs(t, agent, 'PUT', `/customers/${customerId}/tags/${tag.id}`)).statusCode).toBe(200);
    expect((await callAs(t, other, 'PUT', `/customers/${customerId}/tags/${tag.id}`)).statusCode).toBe(404);

    const renamed = await callAs(t, admin, 'PATCH', `/tags/${tag.id}`, { name: 'Reclamo', color: '#F97316' });
    expect(renamed.json()).toMatchObject({ name: 'Reclamo', color: '#f97316' });
    expect(await tagsOf(customerId)).toEqual(['Reclamo']);
    expect((await callAs(t, admin, 'DELETE', `/tags/${tag.id}`)).statusCode).toBe(204);
    expect(await tagsOf(customerId)).toEqual([]);
  });

  it('keeps each workspace’s tags to itself', async () => {
    const tag = await createTag('VIP');
    const outsider = await createAnotherWorkspace(t.app, t.db);
    expect((await callAs(t, outsider, 'GET', '/tags')).json().items).toEqual([]);
    expect((await callAs(t, outsider, 'PATCH', `/tags/${tag.id}`, { name: 'Mío' })).statusCode).toBe(404);
    expect((await callAs(t, outsider, 'POST', '/tags', { name: 'VIP' })).statusCode).toBe(201);
    const { customerId } = await customerWhoWrote(t, admin, { from: '5215500000014' });
    const theirs = (await callAs(t, outsider, 'GET', '/tags')).json().items[0];
    const across = await callAs(t, admin, 'PUT', `/customers/${customerId}/tags/${theirs.id}`);
    expect(across.json().error.code).toBe('TAG_NOT_FOUND');
  });
});
