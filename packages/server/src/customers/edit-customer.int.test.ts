import { PHONE_PROBLEM_MESSAGES } from '@charla/contracts/rules';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  assignTo,
  callAs,
  createAnotherWorkspace,
  createChannel,
  createTestApp,
  customerWhoWrote,
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

describe('editing a customer', () => {
  it('saves the details, finds the customer by the new name and leaves an activity line', async () => {
    const { customerId, conversationId } = await customerWhoWrote(t, admin, {
      from: '5215512345678',
      channelType: 'whatsapp',
    });
    const details = {
      firstName: 'Mariana',
      lastName: 'Núñez',
      email: '  Mariana@Example.COM ',
      idType: 'INE',
      idNumber: 'NUNM800101',
      address: 'Av. Reforma 100',
      city: 'Ciudad de México',
      stateProvince: 'CDMX',
    };
    const response = await callAs(t, admin, 'PATCH', `/customers/${customerId}`, details);
    expect(response.statusCode).toBe(200);
    expect(response.json().customer).toMatchObject({
      ...details,
      email: 'mariana@example.com',
      displayName: 'Mariana Núñez',
      phone: '5215512345678',
    });

    const found = await callAs(t, admin, 'GET', '/conversations?tab=all&q=nunez');
    expect(found.json().items.map((item: { id: string }) => item.id)).toEqual([conversationId]);
    const thread = await callAs(t, admin, 'GET', `/conversations/${conversationId}/messages`);
    const activity = thread.json().items.at(-1);
    expect(activity.content).toMatchObject({ kind: 'activity', action: 'customer_updated' });
    expect(activity.content.to.split(',')).toEqual(expect.arrayContaining(['firstName', 'email', 'city']));

    const cleared = await callAs(t, admin, 'PATCH', `/customers/${customerId}`, { city: '', email: null });
    expect(cleared.json().customer).toMatchObject({ city: null, email: null, firstName: 'Mariana' });
  });

  it('folds field after field edited in a row into one activity line, until something else is said or time passes', async () => {
    const { customerId, conversationId, channel } = await customerWhoWrote(t, admin, {
      from: '5215512340077',
      channelType: 'whatsapp',
    });
    const detailLines = async () =>
      (await callAs(t, admin, 'GET', `/conversations/${conversationId}/messages`))
        .json<{ items: { content: { kind: string; action?: string; to?: string } }[] }>()
        .items.filter(
          (item) => item.content.kind === 'activity' && item.content.action === 'customer_updated',
        )
        .map((item) => (item.content.to ?? '').split(',').sort());
    const edit = async (details: Record<string, string>) =>
      expect((await callAs(t, admin, 'PATCH', `/customers/${customerId}`, details)).statusCode).toBe(200);

    await edit({ firstName: 'Mariana' });
    await edit({ lastName: 'Núñez' });
    await edit({ city: 'Puebla' });
    expect(await detailLines()).toEqual([['city', 'firstName', 'lastName']]);

    await customerWrites(t.db, channel, {
      from: '5215512340077',
      text: '¿Ya salió mi pedido?',
      at: t.clock.now(),
    });
    await edit({ address: 'Av. Juárez 10' });
    t.clock.advance(11 * 60_000);
    await edit({ stateProvince: 'Puebla' });
    expect(await detailLines()).toEqual([['city', 'firstName', 'lastName'], ['address'], ['stateProvince']]);
  });

  it('names the field of a bad e-mail or phone, says what is wrong with the number, and changes nothing', async () => {
    const { customerId } = await customerWhoWrote(t, admin, {
      from: '12025550100',
      channelType: 'messenger',
    });
    for (const [payload, field] of [
      [{ firstName: 'Ana', email: 'not-an-email' }, 'body.email'],
      [{ firstName: 'Ana', phone: '+52 abc' }, 'body.phone'],
      [{ firstName: 'x'.repeat(121) }, 'body.firstName'],
    ] as const) {
      const response = await callAs(t, admin, 'PATCH', `/customers/${customerId}`, payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields.map((item: { field: string }) => item.field)).toContain(field);
    }
    const shortNumber = await callAs(t, admin, 'PATCH', `/customers/${customerId}`, { phone: '+52 1234' });
    expect(shortNumber.json().error.fields).toEqual([
      { field: 'body.phone', message: PHONE_PROBLEM_MESSAGES.length },
    ]);
    const profile = await callAs(t, admin, 'GET', `/customers/${customerId}`);
    expect(profile.json().customer.firstName).toBeNull();
  });

  it('keeps phone numbers unique in the workspace and the WhatsApp number read-only', async () => {
    const onWhatsapp = await customerWhoWrote(t, admin, { from: '5215511112222', channelType: 'whatsapp' });
    const onMessenger = await customerWhoWrote(t, admin, { from: '998877', channelType: 'messenger' });

    const taken = await callAs(t, admin, 'PATCH', `/customers/${onMessenger.customerId}`, {
      phone: '+52 1 55 1111 2222',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({
      code: 'CUSTOMER_PHONE_TAKEN',
      fields: [{ field: 'body.phone' }],
    });

    const own = await callAs(t, admin, 'PATCH', `/customers/${onMessenger.customerId}`, {
      phone: '+1 (202) 555-0188',
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().customer.phone).toBe('12025550188');

    const readOnly = await callAs(t, admin, 'PATCH', `/customers/${onWhatsapp.customerId}`, {
      phone: '+12025550199',
    });
    expect(readOnly.statusCode).toBe(409);
    expect(readOnly.json().error).toMatchObject({
      code: 'CUSTOMER_PHONE_READ_ONLY',
      fields: [{ field: 'body.phone' }],
    });
    const sameNumber = await callAs(t, admin, 'PATCH', `/customers/${onWhatsapp.customerId}`, {
      phone: '+52 1 55 1111 2222',
      firstName: 'Rosa',
    });
    expect(sameNumber.statusCode).toBe(200);
  });

  it('lets agents edit only customers they can see, and nobody across workspaces', async () => {
    const luis = await addMember(t.app, admin, 'agent', { name: 'Luis' });
    const ana = await addMember(t.app, admin, 'agent', { name: 'Ana' });
    const { customerId, conversationId } = await customerWhoWrote(t, admin, { from: '5215500000001' });
    await assignTo(t, admin, conversationId, ana);

    const hidden = await callAs(t, luis, 'PATCH', `/customers/${customerId}`, { firstName: 'Intruso' });
    expect(hidden.statusCode).toBe(404);
    expect(
      (await callAs(t, ana, 'PATCH', `/customers/${customerId}`, { firstName: 'Paola' })).statusCode,
    ).toBe(200);

    const outsider = await createAnotherWorkspace(t.app, t.db);
    const across = await callAs(t, outsider, 'PATCH', `/customers/${customerId}`, { firstName: 'Otro' });
    expect(across.statusCode).toBe(404);
    expect((await callAs(t, admin, 'GET', `/customers/${customerId}`)).json().customer.firstName).toBe(
      'Paola',
    );
  });

  it('announces the new name to every conversation of the customer', async () => {
    const whatsapp = await createChannel(t.db, admin.me.workspace.id, 'whatsapp');
    const { conversationId } = await customerWrites(t.db, whatsapp, {
      from: '5215500000003',
      at: t.clock.now(),
    });
    const customerId = (await callAs(t, admin, 'GET', `/conversations/${conversationId}`)).json().customer.id;
    const before = (await callAs(t, admin, 'GET', '/events?after=0')).json();
    const lastId = before.items.at(-1)?.id ?? 0;
    await callAs(t, admin, 'PATCH', `/customers/${customerId}`, { firstName: 'Lucía' });
    const events = (await callAs(t, admin, 'GET', `/events?after=${lastId}`)).json().items;
    const updated = events.find((event: { type: string }) => event.type === 'conversation.updated');
    expect(updated.conversation.customer.displayName).toBe('Lucía');
  });
});
