import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
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

/**
 * Customers of a shop: the city they live in (a list field whose options hold commas), their
 * company (a text field) and what they spent (a decimal field).
 */
const WRITERS = [
  {
    from: '5215544440001',
    name: 'Adriana Ruiz',
    city: 'Mérida, Yuc.',
    company: 'Dulces Aurora',
    spent: 12.5,
  },
  {
    from: '5215544440002',
    name: 'Bruno Salas',
    city: 'Puebla, Pue.',
    company: 'Ferretería Salas',
    spent: 80,
  },
  {
    from: '5215544440003',
    name: 'Carmen Vidal',
    city: 'Mérida, Yuc.',
    company: 'Ferretería Salas',
    spent: 80,
  },
  { from: '5215544440004', name: 'Diego Ortiz', city: null, company: null, spent: null },
];

/**
 * Filtering the inbox and the Customers page by a custom field: a list field picked from its
 * options and a text field typed in, in English and Spanish, with the filter kept in the address.
 */
describe('filtering by a custom field', () => {
  let stack: InboxStack;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const fieldIds = { city: '', company: '', spent: '', old: '' };

  const conversationNames = async (target: Page) =>
    (
      await target
        .getByRole('region', { name: /^(Conversations|Conversaciones)$/ })
        .getByRole('link')
        .allTextContents()
    )
      .map((text) => WRITERS.find((writer) => text.includes(writer.name))?.name ?? text)
      .sort();
  const customerNames = async (target: Page) =>
    (await target.getByRole('table').getByRole('rowheader').allTextContents()).sort();

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startInboxStack(), launchBrowser()]);
    const city = await stack.api.request<{ id: string }>('POST', '/custom-fields', {
      name: 'City',
      type: 'list',
      options: ['Mérida, Yuc.', 'Puebla, Pue.', 'Oaxaca, Oax.'],
    });
    const company = await stack.api.request<{ id: string }>('POST', '/custom-fields', {
      name: 'Company',
      type: 'text',
    });
    const spent = await stack.api.request<{ id: string }>('POST', '/custom-fields', {
      name: 'Spent',
      type: 'decimal',
    });
    const old = await stack.api.request<{ id: string }>('POST', '/custom-fields', {
      name: 'Old',
      type: 'text',
    });
    await stack.api.request('DELETE', `/custom-fields/${old.id}`);
    Object.assign(fieldIds, { city: city.id, company: company.id, spent: spent.id, old: old.id });
    for (const writer of WRITERS) {
      stack.sandbox.inbound({
        channel: 'whatsapp',
        type: 'text',
        from: writer.from,
        name: writer.name,
        text: 'Hola',
      });
    }
    const items = await vi.waitFor(
      async () => {
        const list = await stack.api.request<ConversationList>('GET', '/conversations?tab=all');
        expect(list.items).toHaveLength(WRITERS.length);
        return list.items;
      },
      { timeout: LIVE_TIMEOUT, interval: 100 },
    );
    for (const item of items) {
      const writer = WRITERS.find((each) => each.name === item.customer.displayName);
      if (writer?.city) {
        await stack.api.request('PUT', `/customers/${item.customer.id}/custom-fields/${city.id}`, {
          value: writer.city,
        });
      }
      if (writer?.company) {
        await stack.api.request('PUT', `/customers/${item.customer.id}/custom-fields/${company.id}`, {
          value: writer.company,
        });
      }
      if (writer?.spent) {
        await stack.api.request('PUT', `/customers/${item.customer.id}/custom-fields/${spent.id}`, {
          value: writer.spent,
        });
      }
    }
    ({ page } = await openSignedIn(browser, stack.server.baseUrl, stack.admin, {
      errors: pageErrors,
    }));
  });

  afterJourney('field-filter', () => ({ browser, stack }));

  it('filters the inbox by a list option, a text and a number, and the filter stays in the address', async () => {
    await expect.poll(() => conversationNames(page)).toEqual(WRITERS.map((writer) => writer.name).sort());
    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByLabel('Custom field', { exact: true }).selectOption({ label: 'City' });
    await page.getByLabel('City is', { exact: true }).selectOption({ label: 'Mérida, Yuc.' });
    await expect.poll(() => conversationNames(page)).toEqual(['Adriana Ruiz', 'Carmen Vidal']);
    await page.getByRole('list', { name: 'Active filters' }).getByText('City: Mérida, Yuc.').waitFor();
    await screenshot(page, 'field-filter-inbox-list-en');
    expect(new URL(page.url()).searchParams.get(`field.${fieldIds.city}`)).toBe('Mérida, Yuc.');

    await page.reload();
    await expect.poll(() => conversationNames(page)).toEqual(['Adriana Ruiz', 'Carmen Vidal']);

    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByLabel('Custom field', { exact: true }).selectOption({ label: 'Company' });
    await expect.poll(() => conversationNames(page)).toEqual(WRITERS.map((writer) => writer.name).sort());
    await page.getByLabel('Company is', { exact: true }).fill('Ferretería Salas');
    await expect.poll(() => conversationNames(page)).toEqual(['Bruno Salas', 'Carmen Vidal']);
    await screenshot(page, 'field-filter-inbox-text-en');

    // On the way to "12.5", "12." is no number: the field says what it takes instead of the list
    // failing (the list keeps the last number typed, 12, which nobody spent).
    await page.getByLabel('Custom field', { exact: true }).selectOption({ label: 'Spent' });
    const spent = page.getByLabel('Spent is', { exact: true });
    await spent.pressSequentially('12.');
    await page.getByText('Write a number, like 12.5.').waitFor();
    expect(await page.getByText('Some fields are not valid.').count()).toBe(0);
    await spent.pressSequentially('5');
    await expect.poll(() => conversationNames(page)).toEqual(['Adriana Ruiz']);
    expect(await page.getByText('Write a number, like 12.5.').count()).toBe(0);
    await screenshot(page, 'field-filter-inbox-number-en');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('opens a link filtering by a field deleted since with the list unfiltered', async () => {
    await page.goto(`${stack.server.baseUrl}/inbox?tab=all&field.${fieldIds.old}=x`);
    await expect.poll(() => conversationNames(page)).toEqual(WRITERS.map((writer) => writer.name).sort());
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('filters the Customers page by the same fields', async () => {
    await page.getByRole('link', { name: 'Customers', exact: true }).click();
    // The inbox's filters carry the same labels: act only once the Customers page is there.
    await expectPath(page, stack.server.baseUrl, '/customers');
    await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
    await expect.poll(() => customerNames(page)).toEqual(WRITERS.map((writer) => writer.name).sort());
    await page.getByLabel('Custom field', { exact: true }).selectOption({ label: 'City' });
    await page.getByLabel('City is', { exact: true }).selectOption({ label: 'Mérida, Yuc.' });
    await expect.poll(() => customerNames(page)).toEqual(['Adriana Ruiz', 'Carmen Vidal']);
    await page.getByLabel('Custom field', { exact: true }).selectOption({ label: 'Company' });
    await page.getByLabel('Company is', { exact: true }).fill('Ferretería Salas');
    await expect.poll(() => customerNames(page)).toEqual(['Bruno Salas', 'Carmen Vidal']);
    await page.getByRole('list', { name: 'Filters on' }).getByText('Company: Ferretería Salas').waitFor();
    await screenshot(page, 'field-filter-customers-en');
    expect(pageErrors).toEqual([]);
  });

  it('filters the inbox and the Customers page in Spanish', async () => {
    const { context: spanish, page: es } = await openSignedIn(browser, stack.server.baseUrl, stack.admin, {
      viewport: { width: 1280, height: 900 },
      locale: 'es-ES',
      errors: pageErrors,
    });
    await es.getByRole('button', { name: 'Filtros' }).click();
    await es.getByLabel('Campo personalizado', { exact: true }).selectOption({ label: 'City' });
    await es.getByLabel('City es', { exact: true }).selectOption({ label: 'Puebla, Pue.' });
    await expect.poll(() => conversationNames(es)).toEqual(['Bruno Salas']);
    await es.getByLabel('Campo personalizado', { exact: true }).selectOption({ label: 'Spent' });
    // Spanish writes a decimal comma; a letter is no number and the field says what it takes.
    const spent = es.getByLabel('Spent es', { exact: true });
    await spent.pressSequentially('80x');
    await es.getByText('Escribe un número, como 12,5.').waitFor();
    await expect.poll(() => conversationNames(es)).toEqual(['Bruno Salas', 'Carmen Vidal']);
    await screenshot(es, 'field-filter-inbox-es');
    await spent.fill('12,5');
    await expect.poll(() => conversationNames(es)).toEqual(['Adriana Ruiz']);
    expect(await es.getByText('Escribe un número, como 12,5.').count()).toBe(0);
    expect(await findSeriousA11yViolations(es)).toEqual([]);

    await es.getByRole('link', { name: 'Clientes', exact: true }).click();
    // The inbox's filters carry the same labels: act only once the Customers page is there.
    await expectPath(es, stack.server.baseUrl, '/customers');
    await es.getByRole('heading', { name: 'Clientes', level: 1 }).waitFor();
    await es.getByLabel('Campo personalizado', { exact: true }).selectOption({ label: 'Company' });
    await es.getByLabel('Company es', { exact: true }).fill('Dulces Aurora');
    await expect.poll(() => customerNames(es)).toEqual(['Adriana Ruiz']);
    await screenshot(es, 'field-filter-customers-es');
    await spanish.close();
    expect(pageErrors).toEqual([]);
  });
});
