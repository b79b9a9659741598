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

async function defineField(body: object) {
  const response = await callAs(t, admin, 'POST', '/custom-fields', body);
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; name: string };
}

const setValue = (who: TestSession, customerId: string, fieldId: string, value: unknown) =>
  callAs(t, who, 'PUT', `/customers/${customerId}/custom-fields/${fieldId}`, { value });

describe('custom fields', () => {
  it('stores a value of each type and shows it back typed', async () => {
    const { customerId } = await customerWhoWrote(t, admin, { from: '5215500000030' });
    const cases = [
      [{ name: 'Empresa', type: 'text' }, '  Ñandú S.A. ', 'Ñandú S.A.'],
      [{ name: 'Edad', type: 'integer' }, '42', 42],
      [{ name: 'Saldo', type: 'decimal' }, -12.5, -12.5],
      [{ name: 'Mayorista', type: 'boolean' }, true, true],
      [{ name: 'Cumpleaños', type: 'date' }, '1990-02-28', '1990-02-28'],
      [{ name: 'Talla', type: 'list', options: ['S', 'M', 'L'] }, 'M', 'M'],
    ] as const;
    for (const [definition, given, shown] of cases) {
      const field = await defineField(definition);
      const response = await setValue(admin, customerId, field.id, given);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ field: { name: definition.name }, value: shown });
    }
    const values = (await callAs(t, admin, 'GET', `/customers/${customerId}/custom-fields`)).json().items;
    expect(values.map((item: { value: unknown }) => item.value)).toEqual(cases.map(([, , shown]) => shown));
  });

  it('refuses a value of the wrong type naming the field and what it expects, keeping the old one', async () => {
    const { customerId } = await customerWhoWrote(t, admin, { from: '5215500000031' });
    const age = await defineField({ name: 'Edad', type: 'integer' });
    const birthday = await defineField({ name: 'Cumpleaños', type: 'date' });
    const size = await defineField({ name: 'Talla', type: 'list', options: ['S', 'M'] });
    await setValue(admin, customerId, age.id, 30);
    for (const [field, value, expected] of [
      [age, 'treinta', 'a whole number'],
      [age, 3.5, 'a whole number'],
      [birthday, '2025-02-30', 'YYYY-MM-DD'],
      [size, 'XL', 'S, M'],
    ] as const) {
      const response = await setValue(admin, customerId, field.id, value);
      expect(response.statusCode).toBe(400);
      const [error] = response.json().error.fields;
      expect(error.field).toBe('body.value');
      expect(error.message).toContain(field.name);
      expect(error.message).toContain(expected);
    }
    const values = (await callAs(t, admin, 'GET', `/customers/${customerId}/custom-fields`)).json().items;
    expect(values.map((item: { value: unknown }) => item.value)).toEqual([30, null, null]);
    expect((await setValue(admin, customerId, age.id, null)).json().value).toBeNull();
  });

  it('validates definitions; only admins define; deleting a field removes its values', async () => {
    const agent = await addMember(t.app, admin, 'agent');
    const noOptions = await callAs(t, admin, 'POST', '/custom-fields', { name: 'Talla', type: 'list' });
    expect(noOptions.json().error.fields[0].field).toBe('body.options');
    const badType = await callAs(t, admin, 'POST', '/custom-fields', { name: 'Color', type: 'colour' });
    expect(badType.json().error.fields[0].field).toBe('body.type');
    expect(
      (await callAs(t, agent, 'POST', '/custom-fields', { name: 'Edad', type: 'integer' })).statusCode,
    ).toBe(403);

    const field = await defineField({ name: 'Edad', type: 'integer' });
    const duplicate = await callAs(t, admin, 'POST', '/custom-fields', { name: 'edad', type: 'text' });
    expect(duplicate.json().error.code).toBe('CUSTOM_FIELD_NAME_TAKEN');
    expect((await callAs(t, agent, 'DELETE', `/custom-fields/${field.id}`)).statusCode).toBe(403);
    const { customerId } = await customerWhoWrote(t, admin, { from: '5215500000032' });
    expect((await setValue(agent, customerId, field.id, 25)).statusCode).toBe(200);

    expect((await callAs(t, admin, 'DELETE', `/custom-fields/${field.id}`)).statusCode).toBe(204);
    expect((await callAs(t, admin, 'GET', `/customers/${customerId}/custom-fields`)).json().items).toEqual(
      [],
    );
    const stored = await t.db.kysely.selectFrom('custom_field_values').selectAll().execute();
    expect(stored).toEqual([]);
  });

  it('drops values that are no longer an option when a list changes', async () => {
    const { customerId } = await customerWhoWrote(t, admin, { from: '5215500000033' });
    const size = await defineField({ name: 'Talla', type: 'list', options: ['S', 'M', 'L'] });
    await setValue(admin, customerId, size.id, 'L');
    const changed = await callAs(t, admin, 'PATCH', `/custom-fields/${size.id}`, { options: ['S', 'M'] });
    expect(changed.json().options).toEqual(['S', 'M']);
    const values = (await callAs(t, admin, 'GET', `/customers/${customerId}/custom-fields`)).json().items;
    expect(values[0].value).toBeNull();
  });

  it('filters the inbox list by a field value (list fields: any of several)', async () => {
    const small = await customerWhoWrote(t, admin, { from: '5215500000034' });
    const large = await customerWhoWrote(t, admin, { from: '5215500000035' });
    const none = await customerWhoWrote(t, admin, { from: '5215500000036' });
    const size = await defineField({ name: 'Talla', type: 'list', options: ['S', 'M', 'L'] });
    const wholesale = await defineField({ name: 'Mayorista', type: 'boolean' });
    await setValue(admin, small.customerId, size.id, 'S');
    await setValue(admin, large.customerId, size.id, 'L');
    await setValue(admin, large.customerId, wholesale.id, true);
    await setValue(admin, none.customerId, wholesale.id, false);

    const ids = async (query: string) =>
      (await callAs(t, admin, 'GET', `/conversations?tab=all&${query}`))
        .json()
        .items.map((item: { id: string }) => item.id)
        .sort();
    expect(await ids(`field.${size.id}=S`)).toEqual([small.conversationId]);
    expect(await ids(`field.${size.id}=S,L`)).toEqual([small.conversationId, large.conversationId].sort());
    expect(await ids(`field.${size.id}=S&field.${size.id}=L`)).toEqual(
      [small.conversationId, large.conversationId].sort(),
    );
    expect(await ids(`field.${size.id}=L&field.${wholesale.id}=true`)).toEqual([large.conversationId]);
    expect(await ids(`field.${wholesale.id}=false`)).toEqual([none.conversationId]);
    const counts = await callAs(t, admin, 'GET', `/conversations/counts?tab=all&field.${size.id}=S,L`);
    expect(counts.json().tabs.all).toBe(2);

    const wrongType = await callAs(t, admin, 'GET', `/conversations?field.${wholesale.id}=quizás`);
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.fields[0]).toMatchObject({ field: `query.field.${wholesale.id}` });
    const unknown = await callAs(t, admin, 'GET', '/conversations?field.nope=1');
    expect(unknown.json().error.fields[0].field).toBe('query.field.nope');
  });

  it('filters by a list option that holds a comma, on the inbox and the Customers page', async () => {
    const merida = await customerWhoWrote(t, admin, { from: '5215500000037' });
    const puebla = await customerWhoWrote(t, admin, { from: '5215500000038' });
    const city = await defineField({
      name: 'Ciudad',
      type: 'list',
      options: ['Mérida, Yuc.', 'Puebla, Pue.'],
    });
    await setValue(admin, merida.customerId, city.id, 'Mérida, Yuc.');
    await setValue(admin, puebla.customerId, city.id, 'Puebla, Pue.');
    const option = encodeURIComponent('Mérida, Yuc.');

    const conversations = await callAs(t, admin, 'GET', `/conversations?tab=all&field.${city.id}=${option}`);
    expect(conversations.statusCode, conversations.body).toBe(200);
    expect(conversations.json().items.map((item: { id: string }) => item.id)).toEqual([
      merida.conversationId,
    ]);
    const customers = await callAs(t, admin, 'GET', `/customers?field.${city.id}=${option}`);
    expect(customers.statusCode, customers.body).toBe(200);
    expect(customers.json().items.map((item: { id: string }) => item.id)).toEqual([merida.customerId]);
    const both = await callAs(
      t,
      admin,
      'GET',
      `/conversations?tab=all&field.${city.id}=${option}&field.${city.id}=${encodeURIComponent('Puebla, Pue.')}`,
    );
    expect(both.json().items).toHaveLength(2);
  });

  it('keeps fields and values to the workspace and values to customers the member sees', async () => {
    const ana = await addMember(t.app, admin, 'agent');
    const luis = await addMember(t.app, admin, 'agent');
    const field = await defineField({ name: 'Empresa', type: 'text' });
    const { customerId, conversationId } = await customerWhoWrote(t, admin, { from: '5215500000037' });
    await assignTo(t, admin, conversationId, ana);
    expect((await setValue(luis, customerId, field.id, 'X')).statusCode).toBe(404);
    const outsider = await createAnotherWorkspace(t.app, t.db);
    expect((await callAs(t, outsider, 'GET', '/custom-fields')).json().items).toEqual([]);
    expect(
      (await callAs(t, outsider, 'PATCH', `/custom-fields/${field.id}`, { name: 'Mía' })).statusCode,
    ).toBe(404);
    const other = await callAs(t, outsider, 'GET', `/conversations?field.${field.id}=X`);
    expect(other.json().error.fields[0].field).toBe(`query.field.${field.id}`);
  });
});
