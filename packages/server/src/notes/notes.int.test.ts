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

describe('customer notes', () => {
  it('lists notes newest first with author and time', async () => {
    const agent = await addMember(t.app, admin, 'agent', { name: 'Luis' });
    const { customerId } = await customerWhoWrote(t, admin, { from: '5215500000020' });
    const first = await callAs(t, admin, 'POST', `/customers/${customerId}/notes`, {
      body: '  Prefiere entregas por la tarde ',
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      body: 'Prefiere entregas por la tarde',
      author: { id: admin.me.member.id, name: admin.me.member.name },
      createdAt: t.clock.now(),
    });
    t.clock.advance(60_000);
    await callAs(t, agent, 'POST', `/customers/${customerId}/notes`, { body: 'Pidió factura' });
    const list = (await callAs(t, agent, 'GET', `/customers/${customerId}/notes`)).json().items;
    expect(
      list.map((note: { body: string; author: { name: string } }) => [note.body, note.author.name]),
    ).toEqual([
      ['Pidió factura', 'Luis'],
      ['Prefiere entregas por la tarde', admin.me.member.name],
    ]);
    const empty = await callAs(t, admin, 'POST', `/customers/${customerId}/notes`, { body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].field).toBe('body.body');
  });

  it('lets only the author edit, and the author or an admin delete', async () => {
    const luis = await addMember(t.app, admin, 'agent', { name: 'Luis' });
    const sofia = await addMember(t.app, admin, 'agent', { name: 'Sofía' });
    const { customerId } = await customerWhoWrote(t, admin, { from: '5215500000021' });
    const note = (
      await callAs(t, luis, 'POST', `/customers/${customerId}/notes`, { body: 'Llamar el lunes' })
    ).json();
    const url = `/customers/${customerId}/notes/${note.id}`;

    expect((await callAs(t, sofia, 'PATCH', url, { body: 'Cambiado' })).statusCode).toBe(403);
    expect((await callAs(t, admin, 'PATCH', url, { body: 'Cambiado' })).statusCode).toBe(403);
    expect((await callAs(t, sofia, 'DELETE', url)).statusCode).toBe(403);
    t.clock.advance(5_000);
    const edited = await callAs(t, luis, 'PATCH', url, { body: 'Llamar el martes' });
    expect(edited.json()).toMatchObject({
      body: 'Llamar el martes',
      createdAt: note.createdAt,
      updatedAt: t.clock.now(),
    });
    expect((await callAs(t, admin, 'DELETE', url)).statusCode).toBe(204);
    expect((await callAs(t, luis, 'GET', `/customers/${customerId}/notes`)).json().items).toEqual([]);
    expect((await callAs(t, luis, 'DELETE', url)).json().error.code).toBe('NOTE_NOT_FOUND');
  });

  it('hides notes of customers the member cannot see, and across workspaces', async () => {
    const ana = await addMember(t.app, admin, 'agent');
    const luis = await addMember(t.app, admin, 'agent');
    const { customerId, conversationId } = await customerWhoWrote(t, admin, { from: '5215500000022' });
    await assignTo(t, admin, conversationId, ana);
    await callAs(t, ana, 'POST', `/customers/${customerId}/notes`, { body: 'Cliente de Ana' });
    expect((await callAs(t, luis, 'GET', `/customers/${customerId}/notes`)).statusCode).toBe(404);
    expect((await callAs(t, luis, 'POST', `/customers/${customerId}/notes`, { body: 'x' })).statusCode).toBe(
      404,
    );
    const outsider = await createAnotherWorkspace(t.app, t.db);
    expect((await callAs(t, outsider, 'GET', `/customers/${customerId}/notes`)).statusCode).toBe(404);
  });
});
