import type { CustomerOrdersResponse, OrderImport } from '@charla/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  as,
  createAnotherWorkspace,
  createChannel,
  createTestApp,
  customerWrites,
  multipartFile,
  setUpWorkspace,
  type TestApp,
  type TestSession,
} from '../testing/index.ts';
import { runOrderImport } from './commands/import-orders.ts';

let t: TestApp;
let admin: TestSession;

beforeEach(async () => {
  t = await createTestApp();
  admin = await setUpWorkspace(t.app);
});
afterEach(async () => t.close());

const CSV_HEADER =
  'external_id,customer_phone,customer_email,customer_name,currency,status,item_name,item_sku,quantity,unit_price,notes';

async function customerWritingIn(phone: string): Promise<string> {
  const whatsapp = await createChannel(t.db, admin.me.workspace.id, 'whatsapp', `Ventas ${phone}`);
  const { conversationId } = await customerWrites(t.db, whatsapp, { from: phone, at: t.clock.now() });
  return (await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}` }))).json().customer
    .id;
}

const history = async (customerId: string) =>
  (
    await t.app.inject(as(admin, { url: `/api/v1/customers/${customerId}/orders` }))
  ).json<CustomerOrdersResponse>();

async function importCsv(session: TestSession, csv: string, language = 'en') {
  const { payload, contentType } = await multipartFile(Buffer.from(csv, 'utf8'), 'pedidos.csv');
  return t.app.inject(
    as(session, {
      method: 'POST',
      url: '/api/v1/orders/import',
      payload,
      headers: { 'content-type': contentType, 'accept-language': language },
    }),
  );
}

async function progressOf(importId: string, language = 'en'): Promise<OrderImport> {
  const response = await t.app.inject(
    as(admin, { url: `/api/v1/orders/imports/${importId}`, headers: { 'accept-language': language } }),
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json<OrderImport>();
}

async function customerCount(): Promise<number> {
  return (await t.app.inject(as(admin, { url: '/api/v1/customers?limit=100' }))).json().items.length;
}

async function storedOrderCount(): Promise<number> {
  const row = await t.db.kysely
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** A file of one-line orders for new customers; `bad` lines get a quantity that is not a number. */
function bigFile(lines: number, bad: number[] = []): string {
  const rows = Array.from({ length: lines }, (_, index) => {
    const line = index + 2;
    const quantity = bad.includes(line) ? 'dos' : '1';
    return `P-${line},+52 55 3000 ${String(line).padStart(4, '0')},,,MXN,paid,Taza,,${quantity},45.50,`;
  });
  return [CSV_HEADER, ...rows].join('\n');
}

/**
 * Runs the worker's import by hand, pausing once after the first progress it commits that is
 * neither 0 nor the total, until `resume` is called: a poller can then look at the import.
 */
function runPausingMidway(importId: string) {
  let resume = () => {};
  const resumed = new Promise<void>((resolve) => {
    resume = resolve;
  });
  let paused = false;
  const run = runOrderImport(t.db, importId, admin.me.workspace.id, t.clock, async ({ processed, total }) => {
    if (paused || processed >= total) return;
    paused = true;
    await resumed;
  });
  return { run, resume };
}

describe('importing orders from a CSV file', () => {
  it('imports every order (lines with one external id make one order) and a file sent again adds nothing', async () => {
    const customerId = await customerWritingIn('5215512345678');
    const csv = [
      CSV_HEADER,
      'A-1,+52 1 55 1234 5678,,,MXN,paid,Playera,PL-01,2,199.50,"Regalo, envolver"',
      'A-1,+52 1 55 1234 5678,,,MXN,paid,Gorra,,1,150,',
      'A-2,,nuevo@example.com,Nuevo Cliente,usd,,Taza,,3,4.5,',
    ].join('\n');
    const started = await importCsv(admin, csv);
    expect(started.statusCode).toBe(202);
    const job = started.json<OrderImport>();
    expect(job).toMatchObject({ status: 'queued', total: 3, processed: 0, orders: 0 });

    await t.deps.worker.drain();
    expect(await progressOf(job.id)).toMatchObject({
      status: 'done',
      total: 3,
      processed: 3,
      orders: 2,
      errors: [],
    });
    const known = (await history(customerId)).items;
    expect(known).toHaveLength(1);
    expect(known[0]).toMatchObject({
      number: 'A-1',
      status: 'paid',
      total: 2 * 19_950 + 15_000,
      notes: 'Regalo, envolver',
    });
    expect(known[0]?.items.map((item) => item.name)).toEqual(['Playera', 'Gorra']);

    await importCsv(admin, csv);
    await t.deps.worker.drain();
    expect((await history(customerId)).items).toHaveLength(1);
    expect(await storedOrderCount()).toBe(2);
  });

  it('shows the lines checked while a big file is checked, then stores every order at once', async () => {
    const lines = 1_200;
    const started = (await importCsv(admin, bigFile(lines))).json<OrderImport>();
    const { run, resume } = runPausingMidway(started.id);

    await expect
      .poll(async () => (await progressOf(started.id)).processed)
      .toSatisfy((processed: number) => processed > 0 && processed < lines);
    expect(await progressOf(started.id)).toMatchObject({ status: 'checking', total: lines, orders: 0 });
    expect(await storedOrderCount()).toBe(0);

    resume();
    await run;
    expect(await progressOf(started.id)).toMatchObject({
      status: 'done',
      processed: lines,
      orders: lines,
      errors: [],
    });
    expect(await storedOrderCount()).toBe(lines);
  });

  it('a bad line late in a big file stores no order and no customer, and names the line in the caller’s language', async () => {
    const lines = 1_200;
    const customersBefore = await customerCount();
    const started = (await importCsv(admin, bigFile(lines, [1_190]))).json<OrderImport>();
    const { run, resume } = runPausingMidway(started.id);
    await expect.poll(async () => (await progressOf(started.id)).processed).toBeGreaterThan(0);
    resume();
    await run;

    const failed = await progressOf(started.id);
    expect(failed).toMatchObject({ status: 'failed', processed: lines });
    expect(failed.errors).toEqual([
      {
        line: 1_190,
        column: 'quantity',
        code: 'quantity_invalid',
        params: { min: 1, max: 1_000_000 },
        message: 'Write a whole number from 1 to 1,000,000.',
      },
    ]);
    expect((await progressOf(started.id, 'es-MX,es;q=0.9')).errors[0]?.message).toBe(
      'Escribe un número entero de 1 a 1.000.000.',
    );
    expect(await storedOrderCount()).toBe(0);
    expect(await customerCount()).toBe(customersBefore);
  });

  it('an order that fails while storing leaves none of the file stored; the retry stores the rest', async () => {
    const lines = 1_200;
    const started = (await importCsv(admin, bigFile(lines))).json<OrderImport>();
    const { run, resume } = runPausingMidway(started.id);
    await expect.poll(async () => (await progressOf(started.id)).processed).toBeGreaterThan(0);
    // Once its first lines are checked, a shop sends an order with the external id of line 2.
    const key = await t.app.inject(
      as(admin, { method: 'POST', url: '/api/v1/api-keys', payload: { name: 'Tienda' } }),
    );
    const shop = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: { authorization: `Bearer ${key.json().secret}` },
      payload: {
        externalId: 'P-2',
        customer: { email: 'tienda@example.com' },
        currency: 'MXN',
        items: [{ name: 'Taza', quantity: 1, unitPrice: 4_550 }],
      },
    });
    expect(shop.statusCode).toBe(201);
    resume();
    await expect(run).rejects.toThrow();
    expect(await storedOrderCount()).toBe(1);

    await t.deps.worker.drain();
    expect(await progressOf(started.id)).toMatchObject({ status: 'done', orders: lines });
    expect(await storedOrderCount()).toBe(lines);
  });

  it('a file with one bad line imports nothing and names the line and column in English and Spanish', async () => {
    const customerId = await customerWritingIn('5215512345678');
    const csv = [
      CSV_HEADER,
      'B-1,5215512345678,,,MXN,pending,Playera,,1,100,',
      'B-2,5215512345678,,,MXN,pending,Gorra,,2,12.345,',
      'B-3,5215512345678,,,MXN,bought,Taza,,1,10,',
    ].join('\r\n');
    const started = await importCsv(admin, csv);
    expect(started.statusCode).toBe(202);
    await t.deps.worker.drain();
    const failed = await progressOf(started.json<OrderImport>().id);
    expect(failed.status).toBe('failed');
    expect(failed.errors.map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      {
        line: 3,
        column: 'unit_price',
        message: 'Write a price like 12.50, with no more decimals than MXN uses.',
      },
      { line: 4, column: 'status', message: 'Use one of these statuses: pending, paid, cancelled.' },
    ]);
    const spanish = await progressOf(failed.id, 'es');
    expect(spanish.errors.map((error) => error.message)).toEqual([
      'Escribe un precio como 12.50, sin más decimales de los que usa MXN.',
      'Usa uno de estos estados: pending, paid, cancelled.',
    ]);
    expect((await history(customerId)).items).toEqual([]);
  });

  it('a file unreadable as a whole answers 400 at once, in the caller’s language; only admins import', async () => {
    const missing = await importCsv(admin, 'external_id,currency,item_name,quantity\nA,MXN,B,1\n');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({
      code: 'ORDER_IMPORT_INVALID',
      fields: [{ field: 'line 1: unit_price', message: 'The file needs this column.' }],
    });
    const empty = await importCsv(admin, `${CSV_HEADER}\n`, 'es');
    expect(empty.json().error).toMatchObject({
      message: 'El archivo tiene líneas que no se pueden importar; no se importó nada.',
      fields: [{ field: 'line 2', message: 'El archivo no tiene pedidos debajo del encabezado.' }],
    });
    const agent = await addMember(t.app, admin, 'agent');
    expect((await importCsv(agent, `${CSV_HEADER}\n`)).statusCode).toBe(403);
  });

  it('an import is visible only in its workspace', async () => {
    const started = await importCsv(admin, `${CSV_HEADER}\nC-1,5215512345678,,,MXN,,Taza,,1,10,\n`);
    const other = await createAnotherWorkspace(t.app, t.db);
    const peek = await t.app.inject(as(other, { url: `/api/v1/orders/imports/${started.json().id}` }));
    expect(peek.statusCode).toBe(404);
  });
});
