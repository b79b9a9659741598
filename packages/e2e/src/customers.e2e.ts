import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  afterJourney,
  expectPath,
  findSeriousA11yViolations,
  type InboxStack,
  launchBrowser,
  openSignedIn,
  screenshot,
  startInboxStack,
} from './harness/index.ts';

const LIVE_TIMEOUT = 15_000;

type ConversationList = { items: { id: string; customer: { id: string; displayName: string } }[] };

/** The Customers page: search, filters, CSV export and import, and a way into their chats. */
describe('the Customers page', () => {
  let stack: InboxStack;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const conversationOf = new Map<string, string>();

  const table = (): Locator => page.getByRole('table');
  const rowNames = (): Promise<string[]> => table().getByRole('rowheader').allTextContents();
  const importFile = (name: string, csv: string) =>
    page.getByLabel('CSV file of customers').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
  const customerCount = async () =>
    (await stack.api.request<{ items: unknown[] }>('GET', '/customers?limit=100')).items.length;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startInboxStack(), launchBrowser()]);
    const writers = [
      { from: '5215511110001', name: 'José Ñúñez' },
      { from: '5215511110002', name: 'Mariana López' },
      { from: '5215511110003', name: 'Renée Dávila' },
    ];
    for (const writer of writers) {
      stack.sandbox.inbound({
        channel: 'whatsapp',
        type: 'text',
        from: writer.from,
        name: writer.name,
        text: 'Hola',
      });
    }
    ({ page } = await openSignedIn(browser, stack.server.baseUrl, stack.admin, {
      acceptDownloads: true,
      errors: pageErrors,
    }));
    const inbox = page.getByRole('region', { name: 'Conversations' });
    for (const writer of writers) {
      await inbox.getByRole('link', { name: new RegExp(writer.name) }).waitFor({ timeout: LIVE_TIMEOUT });
    }
    for (const item of (await stack.api.request<ConversationList>('GET', '/conversations?tab=all')).items) {
      conversationOf.set(item.customer.displayName, item.id);
      if (item.customer.displayName !== 'Mariana López') {
        await stack.api.request('POST', `/customers/${item.customer.id}/tags`, { name: 'VIP' });
      }
    }
  });

  afterJourney('customers', () => ({ browser, stack }));

  it('lists everyone who wrote in, finds a customer typed without accents and filters by tag', async () => {
    await page.getByRole('link', { name: 'Customers', exact: true }).click();
    await expectPath(page, stack.server.baseUrl, '/customers');
    await expect
      .poll(async () => (await rowNames()).sort())
      .toEqual(['José Ñúñez', 'Mariana López', 'Renée Dávila']);
    await screenshot(page, 'customers-en');
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    await page.getByRole('searchbox', { name: 'Search' }).fill('jose nunez');
    await expect.poll(rowNames).toEqual(['José Ñúñez']);
    await page.getByRole('searchbox', { name: 'Search' }).fill('');

    await page.getByLabel('Tag', { exact: true }).selectOption({ label: 'VIP' });
    await expect.poll(async () => (await rowNames()).sort()).toEqual(['José Ñúñez', 'Renée Dávila']);
    await page.getByRole('list', { name: 'Filters on' }).getByText('Tag: VIP').waitFor();
  });

  it('exports the filtered customers as a CSV file that keeps the accents', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',')[0])
        .sort(),
    ).toEqual(['José Ñúñez', 'Renée Dávila']);
    expect(lines.slice(1).every((line) => line.includes('VIP'))).toBe(true);
    await page.getByRole('button', { name: 'Remove filter Tag: VIP' }).click();
    await expect.poll(async () => (await rowNames()).length).toBe(3);
  });

  it('imports nothing from a file with a bad line and names that line; a good file adds the customers', async () => {
    const before = await customerCount();
    await importFile(
      'clientes-con-error.csv',
      'first_name,last_name,phone,email\nLucía,Ortega,+52 55 2222 0001,\nSin,Contacto,,\n',
    );
    const failure = page.getByRole('alert');
    await failure.getByText('Nothing was imported.', { exact: false }).waitFor();
    await failure.getByText('Line 3, phone:').waitFor();
    expect(await failure.getByRole('listitem').allTextContents()).toEqual([
      'Line 3, phone: Give a phone or an email so the customer can be recognised.',
    ]);
    await screenshot(page, 'customers-import-error-en');
    expect(await customerCount()).toBe(before);

    await importFile(
      'clientes.csv',
      'first_name,last_name,phone,email,tags\nLucía,Ortega,+52 55 2222 0001,lucia@example.com,Mayoreo\nÍñigo,Bárcenas,,inigo@example.com,\n',
    );
    await page.getByText('Imported: 2 new, 0 updated.').waitFor();
    await expect.poll(rowNames).toContain('Lucía Ortega');
    expect(await rowNames()).toContain('Íñigo Bárcenas');
    expect(await customerCount()).toBe(before + 2);
    await screenshot(page, 'customers-imported-en');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('imports orders from a CSV only when every line is good, showing the count, and the orders join the customer', async () => {
    const { items } = await stack.api.request<{ items: { id: string }[] }>(
      'GET',
      `/customers?q=${encodeURIComponent('Lucía')}`,
    );
    const lucia = items[0]?.id ?? '';
    const ordersOfLucia = async () =>
      (
        await stack.api.request<{ items: { externalId: string; total: number }[] }>(
          'GET',
          `/customers/${lucia}/orders`,
        )
      ).items;
    const importOrders = (name: string, csv: string) =>
      page
        .getByLabel('CSV file of orders')
        .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const header = 'external_id,customer_phone,currency,item_name,quantity,unit_price\n';

    await importOrders(
      'pedidos-con-error.csv',
      `${header}A-1,+52 55 2222 0001,MXN,Playera,2,150.00\nA-2,+52 55 2222 0001,MXN,Gorra,dos,80\n`,
    );
    const failure = page.getByRole('alert').filter({ hasText: 'Nothing was imported.' });
    await failure.getByText('Line 3, quantity:').waitFor();
    const badLines = await failure.getByRole('listitem').allTextContents();
    expect(badLines).toHaveLength(1);
    expect(badLines[0]).toMatch(/^Line 3, quantity: /);
    await screenshot(page, 'customers-orders-import-error-en');
    expect(await ordersOfLucia()).toEqual([]);

    await importOrders(
      'pedidos.csv',
      `${header}A-1,+52 55 2222 0001,MXN,Playera,2,150.00\nA-1,+52 55 2222 0001,MXN,Gorra,1,80\nA-2,+52 55 2222 0001,MXN,Taza,3,45.50\n`,
    );
    await page.getByText('Imported 2 orders.').waitFor({ timeout: LIVE_TIMEOUT });
    await expect.poll(() => failure.count()).toBe(0);
    const stored = await ordersOfLucia();
    expect(stored.map((order) => [order.externalId, order.total]).sort()).toEqual([
      ['A-1', 2 * 15000 + 8000],
      ['A-2', 3 * 4550],
    ]);
    await screenshot(page, 'customers-orders-imported-en');
  });

  it("opens a customer's most recent conversation from their row", async () => {
    await table().getByRole('link', { name: 'Mariana López', exact: true }).click();
    await expectPath(page, stack.server.baseUrl, `/inbox/${conversationOf.get('Mariana López')}`);
    expect(pageErrors).toEqual([]);
  });

  it('shows the page in Spanish', async () => {
    const { context: spanish, page: es } = await openSignedIn(browser, stack.server.baseUrl, stack.admin, {
      viewport: { width: 1280, height: 900 },
      locale: 'es-ES',
      errors: pageErrors,
    });
    await es.getByRole('link', { name: 'Clientes', exact: true }).click();
    await es.getByRole('columnheader', { name: 'Última actividad' }).waitFor();
    await es.getByRole('button', { name: 'Importar CSV' }).waitFor();
    await es.getByRole('button', { name: 'Importar pedidos (CSV)' }).waitFor();
    await screenshot(es, 'customers-es');
    expect(await findSeriousA11yViolations(es)).toEqual([]);

    const customersBefore = await customerCount();
    await es.getByLabel('Archivo CSV de clientes').setInputFiles({
      name: 'clientes-con-error.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('first_name,phone,email\nSin contacto,,\nMala,+52 55 12,\n', 'utf8'),
    });
    const failure = es.getByRole('alert').filter({ hasText: 'No se importó nada' });
    await failure.getByRole('listitem').first().waitFor();
    expect(await failure.getByRole('listitem').allTextContents()).toEqual([
      'Línea 2, phone: Indica un teléfono (phone) o un correo (email) para reconocer al cliente.',
      'Línea 3, phone: Un teléfono tiene de 8 a 15 dígitos, contando el código de país.',
    ]);
    expect(await customerCount()).toBe(customersBefore);
    await screenshot(es, 'customers-import-error-es');
    await es.setViewportSize({ width: 390, height: 844 });
    await screenshot(es, 'customers-es-390px');
    await spanish.close();
    expect(pageErrors).toEqual([]);
  });
});
