import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  as,
  assignTo,
  callAs,
  createAnotherWorkspace,
  createTestApp,
  customerWhoWrote,
  multipartFile,
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

async function importCsv(session: TestSession, csv: string, language = 'en') {
  const { payload, contentType } = await multipartFile(Buffer.from(csv, 'utf8'), 'clientes.csv');
  return t.app.inject(
    as(session, {
      method: 'POST',
      url: '/api/v1/customers/import',
      payload,
      headers: { 'content-type': contentType, 'accept-language': language },
    }),
  );
}

async function listNames(session: TestSession, query = ''): Promise<string[]> {
  const response = await callAs(t, session, 'GET', `/customers${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items.map((item: { displayName: string }) => item.displayName);
}

async function exportCsv(session: TestSession, query = '') {
  return t.app.inject(as(session, { url: `/api/v1/customers/export.csv${query}` }));
}

async function tagIdNamed(name: string): Promise<string> {
  const tags = (await callAs(t, admin, 'GET', '/tags')).json().items as { id: string; name: string }[];
  const tag = tags.find((item) => item.name === name);
  if (!tag) throw new Error(`no tag ${name}`);
  return tag.id;
}

describe('the customer list', () => {
  it('finds customers by accent-free name, phone or e-mail, and filters by tag, owner and custom field', async () => {
    const field = await callAs(t, admin, 'POST', '/custom-fields', {
      name: 'Ciudad',
      type: 'list',
      options: ['Querétaro', 'Mérida'],
    });
    expect(field.statusCode).toBe(201);
    const imported = await importCsv(
      admin,
      [
        'first_name,last_name,phone,email,tags,Ciudad',
        'José,Ñúñez,+52 55 1111 2222,jose@example.com,"VIP, Mayoreo",Querétaro',
        'Ana,Pérez,,ana@example.com,Mayoreo,Mérida',
        'Beatriz,Gómez,+52 55 3333 4444,,,',
      ].join('\n'),
    );
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ created: 3, updated: 0 });

    expect(await listNames(admin, '?q=jose%20nunez')).toEqual(['José Ñúñez']);
    expect(await listNames(admin, '?q=55-3333')).toEqual(['Beatriz Gómez']);
    expect(await listNames(admin, '?q=ana%40example')).toEqual(['Ana Pérez']);
    expect((await listNames(admin, `?tag=${await tagIdNamed('Mayoreo')}`)).sort()).toEqual([
      'Ana Pérez',
      'José Ñúñez',
    ]);
    expect(await listNames(admin, `?field.${field.json().id}=M%C3%A9rida`)).toEqual(['Ana Pérez']);

    const { conversationId } = await customerWhoWrote(t, admin, {
      from: '5215599990000',
      profileName: 'Luisa',
    });
    await assignTo(t, admin, conversationId, admin);
    expect(await listNames(admin, '?owner=me')).toEqual(['Luisa']);
    expect(await listNames(admin, '?owner=unassigned')).not.toContain('Luisa');

    const badOwner = await callAs(t, admin, 'GET', '/customers?owner=nadie');
    expect(badOwner.statusCode).toBe(400);
    expect(badOwner.json().error.fields[0].field).toBe('query.owner');

    const bad = await callAs(t, admin, 'GET', `/customers?field.${field.json().id}=Cancún`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe(`query.field.${field.json().id}`);
  });

  it('pages newest first without skipping or repeating, each row with its conversations and last activity', async () => {
    const lines = Array.from({ length: 7 }, (_, index) => `Cliente ${index},+52 55 0000 000${index}`);
    expect((await importCsv(admin, ['first_name,phone', ...lines].join('\n'))).statusCode).toBe(200);
    const { conversationId } = await customerWhoWrote(t, admin, {
      from: '5215512345678',
      profileName: 'Mariana',
    });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await callAs(
        t,
        admin,
        'GET',
        `/customers?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      const page = response.json();
      seen.push(...page.items.map((item: { displayName: string }) => item.displayName));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    expect(seen[0]).toBe('Mariana');

    const first = (await callAs(t, admin, 'GET', '/customers?q=mariana')).json().items[0];
    expect(first.conversationsCount).toBe(1);
    expect(first.conversations[0]).toMatchObject({ id: conversationId, channelType: 'whatsapp' });
    expect(first.lastActivityAt).toBe(first.conversations[0].lastActivityAt);

    const badCursor = await callAs(t, admin, 'GET', '/customers?cursor=nonsense');
    expect(badCursor.statusCode).toBe(400);
  });

  it('shows agents only customers of chats they may see, and never another workspace’s', async () => {
    const ana = await addMember(t.app, admin, 'agent', { name: 'Ana' });
    const luis = await addMember(t.app, admin, 'agent', { name: 'Luis' });
    const ofLuis = await customerWhoWrote(t, admin, { from: '5215500000001', profileName: 'De Luis' });
    await customerWhoWrote(t, admin, { from: '5215500000002', profileName: 'Sin dueño' });
    await assignTo(t, admin, ofLuis.conversationId, luis);
    const other = await createAnotherWorkspace(t.app, t.db);
    await customerWhoWrote(t, other, { from: '5215500000003', profileName: 'Ajeno' });

    expect(await listNames(ana)).toEqual(['Sin dueño']);
    expect((await listNames(luis)).sort()).toEqual(['De Luis', 'Sin dueño']);
    expect((await listNames(admin)).sort()).toEqual(['De Luis', 'Sin dueño']);
    expect(await exportCsv(ana).then((response) => response.body)).not.toContain('De Luis');
    expect(await listNames(other)).toEqual(['Ajeno']);
  });
});

describe('customers CSV export and import', () => {
  it('exports UTF-8 with BOM that round-trips accents, tags and custom fields through the import', async () => {
    await callAs(t, admin, 'POST', '/custom-fields', { name: 'Talla', type: 'text' });
    const csv =
      'first_name,last_name,phone,email,tags,Talla\nMaría José,Álvarez Núñez,+52 55 1212 3434,maria@example.com,Frecuente,M\n';
    expect((await importCsv(admin, csv)).statusCode).toBe(200);

    const response = await exportCsv(admin, '?q=alvarez');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('attachment');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, row, ...rest] = response.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(header).toBe('name,first_name,last_name,phone,email,owner_email,tags,Talla,created');
    expect(row).toContain(
      'María José Álvarez Núñez,María José,Álvarez Núñez,+525512123434,maria@example.com,,Frecuente,M,',
    );
    expect(rest).toEqual([]);

    const again = await importCsv(admin, response.body);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ created: 0, updated: 1 });
    expect(await listNames(admin)).toEqual(['María José Álvarez Núñez']);
  });

  it('imports nothing when one line is bad and names that line and column; then a good file creates and updates', async () => {
    const { customerId } = await customerWhoWrote(t, admin, { from: '5215512345678', profileName: 'Mari' });
    const bad = await importCsv(
      admin,
      'first_name,phone,email,tags\nRosa,+52 55 9999 8888,,\nSinDatos,,,\nPedro,,no-es-correo,\n',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      { field: 'line 3: phone', message: 'Give a phone or an email so the customer can be recognised.' },
      { field: 'line 4: email', message: 'This is not a valid e-mail address.' },
    ]);
    expect(await listNames(admin)).toEqual(['Mari']);

    const good = await importCsv(
      admin,
      'first_name,last_name,phone,tags\nMariana,López,+52 1 55 1234 5678,Nueva\nRosa,,+52 55 9999 8888,Nueva\n',
    );
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toEqual({ created: 1, updated: 1 });
    const profile = (await callAs(t, admin, 'GET', `/customers/${customerId}`)).json();
    expect(profile.customer.displayName).toBe('Mariana López');
    expect(profile.customer.tags.map((tag: { name: string }) => tag.name)).toEqual(['Nueva']);
    expect((await listNames(admin)).sort()).toEqual(['Mariana López', 'Rosa']);
  });

  it('names an unknown column in the caller’s language, and is for admins only', async () => {
    const unknown = await importCsv(admin, 'first_name,phone,color\nRosa,+52 55 9999 8888,rojo\n');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual([
      {
        field: 'line 1: color',
        message: 'This column is neither a customer detail nor a custom field; rename or remove it.',
      },
    ]);
    const inSpanish = await importCsv(admin, 'first_name,phone,color\nRosa,+52 55 9999 8888,rojo\n', 'es-MX');
    expect(inSpanish.json().error.fields).toEqual([
      {
        field: 'line 1: color',
        message:
          'Esta columna no es un dato del cliente ni un campo personalizado; cámbiale el nombre o quítala.',
      },
    ]);
    const agent = await addMember(t.app, admin, 'agent');
    expect((await importCsv(agent, 'phone\n+52 55 9999 8888\n')).statusCode).toBe(403);
  });
});
