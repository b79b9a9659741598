import type { Browser, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  afterJourney,
  findSeriousA11yViolations,
  type InboxStack,
  launchBrowser,
  openSignedIn,
  screenshot,
  screenshotScrolled,
  startInboxStack,
  wallClock,
} from './harness/index.ts';

const LIVE_TIMEOUT = 15_000;

/** The CRM record beside the chat: profile, tags, notes, custom fields, orders and reminders. */
describe('customer panel as a CRM record', () => {
  let stack: InboxStack;
  let browser: Browser;
  let page: Page;
  let timeZone: string;
  const pageErrors: string[] = [];

  const panel = (target: Page = page): Locator =>
    target.getByRole('complementary', { name: /^(Customer|Cliente)$/ });
  const row = (target: Page, name: string): Locator =>
    target
      .getByRole('region', { name: /^(Conversations|Conversaciones)$/ })
      .getByRole('link', { name: new RegExp(name) });

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startInboxStack(), launchBrowser()]);
    await stack.api.request('POST', '/custom-fields', { name: 'Shoe size', type: 'integer' });
    timeZone = (await stack.api.request<{ timeZone: string }>('GET', '/workspace/time-zone')).timeZone;
    ({ page } = await openSignedIn(browser, stack.server.baseUrl, stack.admin, {
      viewport: { width: 1280, height: 900 },
      errors: pageErrors,
    }));
    stack.sandbox.inbound({
      channel: 'whatsapp',
      type: 'text',
      from: '5215512345678',
      name: 'Vale',
      text: 'Hola, quiero la chamarra azul',
    });
    await row(page, 'Vale').waitFor({ timeout: LIVE_TIMEOUT });
    await row(page, 'Vale').click();
    await panel().getByText('Customer since', { exact: false }).waitFor();
  });

  afterJourney('crm', () => ({ browser, stack }));

  it('edits the name and e-mail in place, refuses a bad e-mail at the field, and keeps the WhatsApp number read-only', async () => {
    await panel()
      .getByRole('button', { name: /^First name/ })
      .click();
    await panel().getByRole('textbox', { name: 'First name' }).fill('Valentina');
    await panel().getByRole('textbox', { name: 'First name' }).press('Enter');
    await panel()
      .getByRole('button', { name: /^Last name/ })
      .click();
    await panel().getByRole('textbox', { name: 'Last name' }).fill('Ríos');
    await panel().getByRole('textbox', { name: 'Last name' }).press('Enter');
    await panel().getByText('Valentina Ríos', { exact: true }).first().waitFor();

    const phone = panel().getByRole('button', { name: /^Phone \+5215512345678/ });
    expect(await phone.isDisabled()).toBe(true);
    await panel().getByText('This is the number they write from on WhatsApp').waitFor();

    await panel()
      .getByRole('button', { name: /^E-mail/ })
      .click();
    const email = panel().getByRole('textbox', { name: 'E-mail' });
    await email.fill('valentina@');
    await email.press('Enter');
    await panel().getByRole('alert').getByText('Enter a valid e-mail address').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'crm-01-email-refused');
    await email.press('Escape');
    await panel()
      .getByRole('button', { name: /^E-mail Not set/ })
      .waitFor();

    await panel()
      .getByRole('button', { name: /^E-mail/ })
      .click();
    await panel().getByRole('textbox', { name: 'E-mail' }).fill('valentina@example.com');
    await panel().getByRole('textbox', { name: 'E-mail' }).press('Enter');
    await panel().getByRole('button', { name: 'E-mail valentina@example.com' }).waitFor();
    const profile = await stack.api.request<{ customer: { email: string; firstName: string } }>(
      'GET',
      `/customers/${await customerId()}`,
    );
    expect(profile.customer).toMatchObject({ email: 'valentina@example.com', firstName: 'Valentina' });
  });

  it('creates a coloured tag inline, adds a note and fills a typed custom field', async () => {
    await panel().getByRole('button', { name: 'Add tag' }).click();
    await panel().getByLabel('Find or name a tag').fill('VIP');
    await panel().getByLabel('Colour').fill('#d97706');
    await panel().getByRole('button', { name: 'Create “VIP”' }).click();
    await panel().getByRole('button', { name: 'Remove tag VIP' }).waitFor();
    const tags = await stack.api.request<{ items: { name: string; color: string }[] }>('GET', '/tags');
    expect(tags.items).toContainEqual(expect.objectContaining({ name: 'VIP', color: '#d97706' }));

    await panel().getByLabel('New note').fill('Prefiere entrega por la tarde.');
    await panel().getByRole('button', { name: 'Add note' }).click();
    const note = panel().getByRole('listitem').filter({ hasText: 'Prefiere entrega por la tarde.' });
    await note.getByText(stack.admin.name).waitFor();
    await note.getByRole('button', { name: 'Edit' }).waitFor();

    await panel()
      .getByRole('button', { name: /^Shoe size/ })
      .click();
    const size = panel().getByRole('textbox', { name: 'Shoe size' });
    await size.fill('veinte');
    await size.press('Enter');
    await panel().getByText('Write a whole number, like 42.').waitFor();
    await size.fill('26');
    await size.press('Enter');
    await panel().getByRole('button', { name: 'Shoe size 26' }).waitFor();
    await panelShot(page, 'crm-02-tag-note-field');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('creates an order from the panel, shows the totals per status and marks it paid', async () => {
    await panel().getByRole('button', { name: 'New order' }).click();
    const form = panel().getByRole('form', { name: 'New order' });
    await form.getByRole('group', { name: 'Item 1' }).getByLabel('Name').fill('Chamarra azul');
    await form.getByRole('group', { name: 'Item 1' }).getByLabel('Quantity').fill('2');
    await form.getByRole('group', { name: 'Item 1' }).getByLabel('Unit price').fill('1250.5');
    await form.getByRole('button', { name: 'Add item' }).click();
    await form.getByRole('group', { name: 'Item 2' }).getByLabel('Name').fill('Gorra');
    await form.getByRole('group', { name: 'Item 2' }).getByLabel('Unit price').fill('199');
    await form.getByLabel('Currency').fill('MXN');
    await form.getByText('MX$2,700.00').waitFor();
    await panelShot(page, 'crm-03-order-form');
    await form.getByRole('button', { name: 'Create order' }).click();

    const totals = panel().getByRole('definition').filter({ hasText: 'MX$2,700.00' });
    await totals.waitFor();
    await panel().getByText('Pending (1)').waitFor();
    const orders = await stack.api.request<{ items: { total: number; status: string }[] }>(
      'GET',
      `/customers/${await customerId()}/orders`,
    );
    expect(orders.items).toEqual([expect.objectContaining({ total: 270000, status: 'pending' })]);

    await panel().getByRole('button', { name: 'Mark paid' }).click();
    await panel().getByText('Paid (1)').waitFor();
    expect(await panel().getByText('Pending (1)').count()).toBe(0);
  });

  it("schedules reminders in the workspace's time zone: one notifying the owner (then cancelled), one sending a WhatsApp template", async () => {
    await panel().getByRole('button', { name: 'New reminder' }).click();
    const form = panel().getByRole('form', { name: 'New reminder' });
    await form.getByText(`In the workspace’s time zone: ${timeZone}.`).waitFor();
    await form.getByLabel('Date and time').fill('2031-05-04T10:30');
    await form.getByLabel('Notify the customer’s owner').check();
    await form.getByLabel('Reminder text').fill('Llamar para confirmar la talla');
    await form.getByRole('button', { name: 'Schedule reminder' }).click();

    const reminder = panel().getByRole('listitem').filter({ hasText: 'Llamar para confirmar la talla' });
    await reminder.getByText('Scheduled').waitFor();
    await reminder.getByText('10:30').waitFor();
    const listed = await stack.api.request<{
      items: { at: string; status: string; action: { type: string } }[];
    }>('GET', `/customers/${await customerId()}/reminders`);
    expect(listed.items).toEqual([
      expect.objectContaining({
        at: '2031-05-04T10:30',
        status: 'scheduled',
        action: expect.objectContaining({ type: 'notify' }),
      }),
    ]);
    await panelShot(page, 'crm-04-orders-reminders');
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    await reminder.getByRole('button', { name: 'Cancel reminder' }).click();
    await reminder.getByText('Cancelled').waitFor();

    await stack.api.request('POST', `/channels/${stack.channels.whatsapp}/templates/sync`);
    await panel().getByRole('button', { name: 'New reminder' }).click();
    await form.getByLabel('Date and time').fill('2031-05-05T09:00');
    await form.getByLabel('Send a WhatsApp template').check();
    await form.getByLabel('Template', { exact: true }).selectOption({ label: 'bienvenida · es' });
    await form.getByLabel('Value for 1').fill('Valentina');
    await form.getByText('¡Hola Valentina!', { exact: false }).waitFor();
    await form.getByRole('button', { name: 'Schedule reminder' }).click();
    await panel().getByText('WhatsApp template bienvenida (es)').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('creates a deal from the panel with the customer preset, lists it with its amount, renames and deletes it', async () => {
    const funnel = await stack.api.request<{ stages: { name: string }[] }>('POST', '/funnels', {
      name: 'Ventas',
      stages: ['Prospecto', 'Propuesta'],
    });
    // The panel loaded the (then empty) funnel list when it opened; a fresh load sees the new funnel.
    await page.reload();
    const deals = panel()
      .getByRole('group')
      .filter({ has: page.getByRole('heading', { name: 'Deals' }) });
    await deals.getByText('No deals yet.').waitFor();

    await deals.getByRole('button', { name: 'New deal' }).click();
    const dialog = page.getByRole('dialog', { name: 'New deal' });
    await dialog.getByText('Customer: Vale').waitFor();
    await dialog.getByLabel('Name', { exact: true }).fill('Chamarra azul x10');
    await dialog.getByLabel('Amount', { exact: true }).fill('1500.50');
    await dialog.getByLabel('Stage').selectOption({ label: funnel.stages[1]?.name ?? '' });
    await dialog.getByRole('button', { name: 'Create deal' }).click();

    const deal = deals.getByRole('button', { name: /Chamarra azul x10/ });
    await deal.getByText('MX$1,500.50').waitFor();
    await deal.getByText('Propuesta').waitFor();
    await deal.getByText(stack.admin.name).waitFor();
    const listed = await stack.api.request<{ items: { title: string; amount: number; currency: string }[] }>(
      'GET',
      `/deals?customer=${await customerId()}`,
    );
    expect(listed.items).toEqual([
      expect.objectContaining({ title: 'Chamarra azul x10', amount: 150050, currency: 'MXN' }),
    ]);
    await panelShot(page, 'crm-05-deals');

    await deal.click();
    const edit = page.getByRole('dialog', { name: 'Edit deal' });
    await edit.getByLabel('Name', { exact: true }).fill('Chamarra azul x12');
    await edit.getByRole('button', { name: 'Save deal' }).click();
    const renamed = deals.getByRole('button', { name: /Chamarra azul x12/ });
    await renamed.getByText('MX$1,500.50').waitFor();
    expect(await deals.getByText('Chamarra azul x10').count()).toBe(0);

    await renamed.click();
    await edit.getByRole('button', { name: 'Delete deal' }).click();
    await page
      .getByRole('dialog', { name: 'Delete the deal Chamarra azul x12?' })
      .getByRole('button', { name: 'Delete deal' })
      .click();
    await deals.getByText('No deals yet.').waitFor();
    expect(
      (await stack.api.request<{ items: unknown[] }>('GET', `/deals?customer=${await customerId()}`)).items,
    ).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it(
    'fires a reminder at its time: the clock shows on the row until then, and the owner gets a toast',
    async () => {
      // The next whole minute but one in the workspace's zone, as a person would type it.
      const local = wallClock(Date.now() + 2 * 60_000, timeZone);
      // Only this reminder is pending, so the row's clock is its own.
      const pending = await stack.api.request<{ items: { id: string; status: string }[] }>(
        'GET',
        `/customers/${await customerId()}/reminders`,
      );
      for (const item of pending.items.filter((each) => each.status === 'scheduled'))
        await stack.api.request('POST', `/reminders/${item.id}/cancel`);
      const clock = row(page, 'Valentina Ríos').getByText('Reminder scheduled');
      await clock.waitFor({ state: 'detached', timeout: LIVE_TIMEOUT });

      await stack.api.request('POST', `/customers/${await customerId()}/reminders`, {
        at: local,
        action: { type: 'notify', text: 'Confirmar la talla con Valentina' },
      });
      await clock.waitFor({ state: 'attached', timeout: LIVE_TIMEOUT });
      const toast = page
        .getByRole('region', { name: 'Notifications' })
        .getByText('Reminder: Confirmar la talla con Valentina');
      await toast.waitFor({ timeout: 3 * 60_000 });
      await screenshot(page, 'crm-06-reminder-fired');
      await clock.waitFor({ state: 'detached', timeout: LIVE_TIMEOUT });
      const fired = await stack.api.request<{
        items: { status: string; action: { type: string; text?: string } }[];
      }>('GET', `/customers/${await customerId()}/reminders`);
      expect(
        fired.items.find((item) => item.action.text === 'Confirmar la talla con Valentina')?.status,
      ).toBe('sent');
    },
    4 * 60_000,
  );

  it('shows the same record in Spanish on a 390 px phone screen', async () => {
    const { context: spanish, page: phone } = await openSignedIn(browser, stack.server.baseUrl, stack.admin, {
      viewport: { width: 390, height: 844 },
      locale: 'es-ES',
      errors: pageErrors,
    });
    await row(phone, 'Valentina Ríos').click();
    await phone
      .getByRole('navigation', { name: 'Secciones de la bandeja' })
      .getByRole('button', { name: 'Cliente' })
      .click();
    const record = panel(phone);
    await record.getByText('Pagado (1)').waitFor();
    await record.getByRole('button', { name: 'Quitar la etiqueta VIP' }).waitFor();
    await record.getByText('Prefiere entrega por la tarde.').waitFor();
    await record.getByText('Cancelado', { exact: true }).first().waitFor();
    const width = await record.evaluate((element) => ({
      scroll: element.scrollWidth,
      client: element.clientWidth,
    }));
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    await panelShot(phone, 'crm-05-es-390px');
    expect(await findSeriousA11yViolations(phone)).toEqual([]);
    await spanish.close();
    expect(pageErrors).toEqual([]);
  });

  /** The whole panel, which scrolls on its own. */
  async function panelShot(target: Page, name: string): Promise<void> {
    await screenshotScrolled(target, panel(target), name);
  }

  async function customerId(): Promise<string> {
    const conversationId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    const conversation = await stack.api.request<{ customer: { id: string } }>(
      'GET',
      `/conversations/${conversationId}`,
    );
    return conversation.customer.id;
  }
});
