import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchText } from '../../customers/customer-search.ts';
import { newId } from '../../platform/ids.ts';
import {
  callAs,
  createChannel,
  createTestApp,
  createTestDb,
  signIn,
  TEST_PASSWORD,
  type TestApp,
  testEngine,
  uniqueEmail,
} from '../../testing/index.ts';
import { createWorkspace } from '../../workspaces/commands/create-workspace.ts';
import type { Db } from '../client.ts';
import { dialectFor } from '../dialect.ts';
import { migrateToLatest } from '../migrate.ts';
import { allMigrations } from './index.ts';

// An install upgraded from before the unique indexes may hold duplicates the code's look-ups
// missed; the migration must finish on it and keep everything, on both engines.

const MIGRATION = '202611242130-unique-names-and-phones';

let t: TestApp | undefined;
afterEach(async () => t?.close());

/** A database at the schema just before the migration. */
async function databaseBeforeMigration() {
  const db = await createTestDb(testEngine(), { empty: true });
  const migrations = allMigrations(dialectFor(db.engine));
  const names = Object.keys(migrations);
  const previous = names[names.indexOf(MIGRATION) - 1] ?? '';
  const result = await new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrations },
  }).migrateTo(previous);
  if (result.error) throw result.error;
  return db;
}

/** Inserts a row with plain SQL: the app's row types already have the migration's columns. */
async function insert(db: Db, table: string, row: Record<string, string | number | null>) {
  await sql`insert into ${sql.table(table)} (${sql.join(Object.keys(row).map((column) => sql.ref(column)))})
    values (${sql.join(Object.values(row))})`.execute(db.kysely);
}

async function workspaceWithAdmin(db: Db, name: string) {
  const email = uniqueEmail('admin');
  const { workspace, admin } = await createWorkspace(db, Date.now(), {
    workspaceName: name,
    adminName: 'Ana Admin',
    adminEmail: email,
    adminPassword: TEST_PASSWORD,
  });
  return { workspaceId: workspace.id, memberId: admin.id, email };
}

describe(`migration ${MIGRATION} over duplicates stored before it`, () => {
  it('renames later duplicate names and shortcuts, keeps each phone on one customer with a note on the others, and loses nothing', async () => {
    const db = await databaseBeforeMigration();
    const shop = await workspaceWithAdmin(db, 'Tienda Ñandú');
    const other = await workspaceWithAdmin(db, 'Otra Tienda');
    const whatsapp = await createChannel(db, shop.workspaceId, 'whatsapp');
    let at = 1_000;
    const next = () => {
      at += 1;
      return at;
    };

    const tagIds: Record<string, string> = {};
    const longName = 'A'.repeat(40);
    for (const name of ['VIP', 'vip', 'vip (2)', 'Vip', 'Ñandú', 'ÑANDÚ', longName, longName.toLowerCase()]) {
      tagIds[name] = newId();
      await insert(db, 'tags', {
        id: tagIds[name],
        workspace_id: shop.workspaceId,
        name,
        color: '#64748b',
        created_at: next(),
      });
    }
    await insert(db, 'tags', {
      id: newId(),
      workspace_id: other.workspaceId,
      name: 'vip',
      color: '#64748b',
      created_at: next(),
    });

    const fieldIds = { Talla: newId(), talla: newId() };
    for (const [name, id] of Object.entries(fieldIds)) {
      await insert(db, 'custom_fields', {
        id,
        workspace_id: shop.workspaceId,
        name,
        type: 'text',
        options: '[]',
        created_at: next(),
        updated_at: at,
      });
    }

    for (const owner of [null, null, shop.memberId, shop.memberId]) {
      await insert(db, 'quick_replies', {
        id: newId(),
        workspace_id: shop.workspaceId,
        owner_member_id: owner,
        shortcut: 'promo',
        title: 'Promo',
        body: '2x1 hoy',
        media_id: null,
        search_text: 'promo | promo | 2x1 hoy',
        created_by_member_id: shop.memberId,
        created_at: next(),
        updated_at: at,
      });
    }

    // Ana was imported with Beto's WhatsApp number; Carla and a nameless record share another.
    const beto = '5215511112222';
    const carlaPhone = '5215533334444';
    const people = {
      ana: { first_name: 'Ana', profile_name: null, phone: beto },
      beto: { first_name: null, profile_name: 'Beto', phone: beto },
      carla: { first_name: 'Carla', profile_name: null, phone: carlaPhone },
      nameless: { first_name: null, profile_name: null, phone: carlaPhone },
    };
    const ids: Record<keyof typeof people, string> = { ana: '', beto: '', carla: '', nameless: '' };
    for (const [key, person] of Object.entries(people) as [keyof typeof people, (typeof people)['ana']][]) {
      ids[key] = newId();
      await insert(db, 'customers', {
        id: ids[key],
        workspace_id: shop.workspaceId,
        ...person,
        last_name: null,
        email: null,
        search_text: buildSearchText({
          firstName: person.first_name,
          profileName: person.profile_name,
          phone: person.phone,
        }),
        created_at: next(),
        updated_at: at,
      });
    }
    await insert(db, 'customer_identities', {
      id: newId(),
      workspace_id: shop.workspaceId,
      customer_id: ids.beto,
      channel_id: whatsapp.id,
      external_id: beto,
      profile_name: 'Beto',
      created_at: at,
    });
    await insert(db, 'customer_tags', {
      customer_id: ids.ana,
      tag_id: tagIds.vip ?? '',
      workspace_id: shop.workspaceId,
      created_at: at,
    });
    await insert(db, 'custom_field_values', {
      customer_id: ids.ana,
      field_id: fieldIds.talla,
      workspace_id: shop.workspaceId,
      value: 'M',
      updated_at: at,
    });

    await migrateToLatest(db);
    t = await createTestApp({}, { db });
    const admin = await signIn(t.app, shop.email);
    const get = async (path: string) => (await callAs(t as TestApp, admin, 'GET', path)).json();

    const tags = (await get('/tags')).items as { id: string; name: string }[];
    expect(Object.fromEntries(tags.map((tag) => [tag.id, tag.name]))).toEqual({
      [tagIds.VIP ?? '']: 'VIP',
      [tagIds.vip ?? '']: 'vip (3)',
      [tagIds['vip (2)'] ?? '']: 'vip (2)',
      [tagIds.Vip ?? '']: 'Vip (4)',
      [tagIds.Ñandú ?? '']: 'Ñandú',
      [tagIds.ÑANDÚ ?? '']: 'ÑANDÚ (2)',
      [tagIds[longName] ?? '']: longName,
      [tagIds[longName.toLowerCase()] ?? '']: `${'a'.repeat(36)} (2)`,
    });
    const otherAdmin = await signIn(t.app, other.email);
    expect(
      (await callAs(t, otherAdmin, 'GET', '/tags')).json().items.map((tag: { name: string }) => tag.name),
    ).toEqual(['vip']);

    const fields = (await get('/custom-fields')).items as { id: string; name: string }[];
    expect(fields.map((field) => [field.id, field.name])).toEqual([
      [fieldIds.Talla, 'Talla'],
      [fieldIds.talla, 'talla (2)'],
    ]);

    const replies = (await get('/quick-replies')).items as { shortcut: string; scope: string }[];
    expect(replies.map((reply) => `${reply.scope} ${reply.shortcut}`).sort()).toEqual([
      'personal promo',
      'personal promo-2',
      'shared promo',
      'shared promo-2',
    ]);

    // Ana keeps her tag and field value under their new names.
    const ana = await get(`/customers/${ids.ana}`);
    expect(ana.customer.tags.map((tag: { name: string }) => tag.name)).toEqual(['vip (3)']);
    expect(
      (await get(`/customers/${ids.ana}/custom-fields`)).items
        .filter((item: { value: unknown }) => item.value !== null)
        .map((item: { field: { name: string }; value: unknown }) => [item.field.name, item.value]),
    ).toEqual([['talla (2)', 'M']]);

    // The number stays with the customer WhatsApp reaches on it, else with the oldest.
    const phoneOf = async (id: string) => (await get(`/customers/${id}`)).customer.phone;
    expect(await phoneOf(ids.beto)).toBe(beto);
    expect(ana.customer.phone).toBeNull();
    expect(await phoneOf(ids.carla)).toBe(carlaPhone);
    expect(await phoneOf(ids.nameless)).toBeNull();
    const notesOf = async (id: string) =>
      ((await get(`/customers/${id}/notes`)).items as { body: string }[]).map((note) => note.body);
    expect(await notesOf(ids.ana)).toEqual([expect.stringContaining(`+${beto} was also on Beto`)]);
    expect((await notesOf(ids.ana))[0]).toContain(`El teléfono +${beto} también estaba en Beto`);
    expect(await notesOf(ids.nameless)).toEqual([
      expect.stringContaining(`+${carlaPhone} was also on Carla`),
    ]);
    expect(await notesOf(ids.beto)).toEqual([]);
    // A search for the number still finds both records, so a member can merge them.
    const found = (await get(`/customers?q=${beto}`)).items.map((item: { id: string }) => item.id).sort();
    expect(found).toEqual([ids.ana, ids.beto].sort());

    // From now on the database holds the rules.
    expect((await callAs(t, admin, 'POST', '/tags', { name: 'VIP (4)' })).statusCode).toBe(409);
    const taken = await callAs(t, admin, 'PATCH', `/customers/${ids.ana}`, { phone: `+${beto}` });
    expect(taken.json().error).toMatchObject({
      code: 'CUSTOMER_PHONE_TAKEN',
      fields: [{ field: 'body.phone' }],
    });
  });
});
