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
  screenshotScrolled,
  startInboxStack,
  wallClock,
} from './harness/index.ts';

const LIVE_TIMEOUT = 15_000;
/** Money as Spanish shows it: no grouping under 10 000, a decimal comma and a no-break space. */
const pesos = (amount: string): RegExp => new RegExp(`^${amount}\\sMXN$`);

/**
 * The CRM worked end to end by a Spanish-speaking admin, through Spanish labels only, so an
 * untranslated label or button fails the journey: the profile, a tag, a note and a custom field,
 * an order, a deal on the board, a reminder that fires, and a merge on a phone.
 */
describe('the CRM in Spanish', () => {
  let stack: InboxStack;
  let browser: Browser;
  let page: Page;
  let conversationUrl: string;
  let customerId: string;
  const pageErrors: string[] = [];

  const panel = (target: Page = page): Locator => target.getByRole('complementary', { name: 'Cliente' });
  const rows = (target: Page = page): Locator =>
    target.getByRole('region', { name: 'Conversaciones' }).getByRole('link');
  const section = (heading: string): Locator =>
    panel()
      .getByRole('group')
      .filter({ has: page.getByRole('heading', { name: heading }) });
  const stage = (name: string): Locator => page.getByRole('region', { name, exact: true });
  const figures = (name: string): Locator => stage(name).getByTestId('stage-figures');

  /** Signs in on a fresh Spanish browser of the given width; the caller closes its context. */
  async function spanishPage(width: number, height: number): Promise<Page> {
    const { page: opened } = await openSignedIn(browser, stack.server.baseUrl, stack.admin, {
      viewport: { width, height },
      locale: 'es-ES',
      errors: pageErrors,
    });
    return opened;
  }

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startInboxStack(), launchBrowser()]);
    page = await spanishPage(1280, 900);
    stack.sandbox.inbound({
      channel: 'whatsapp',
      type: 'text',
      from: '5215512345678',
      name: 'Vale',
      text: 'Hola, quiero la chamarra azul',
    });
    stack.sandbox.inbound({
      channel: 'instagram',
      type: 'text',
      name: 'vale.rios',
      text: 'Vi la chamarra en su reel 😍',
    });
    await rows().filter({ hasText: 'vale.rios' }).first().waitFor({ timeout: LIVE_TIMEOUT });
    await rows().filter({ hasText: 'Vale' }).first().waitFor({ timeout: LIVE_TIMEOUT });
    await rows().filter({ hasNotText: 'vale.rios' }).first().click();
    await panel().getByText('Cliente desde el', { exact: false }).waitFor();
    conversationUrl = page.url();
    const conversationId = new URL(conversationUrl).pathname.split('/').at(-1) ?? '';
    customerId = (
      await stack.api.request<{ customer: { id: string } }>('GET', `/conversations/${conversationId}`)
    ).customer.id;
  });

  afterJourney('es', () => ({ browser, stack }));

  it('creates a whole-number and a decimal custom field and a sales funnel in the Spanish settings', async () => {
    await page.goto(`${stack.server.baseUrl}/settings/custom-fields`);
    await page.getByRole('heading', { name: 'Campos personalizados', level: 1 }).waitFor();
    await page.getByLabel('Nombre', { exact: true }).fill('Talla de calzado');
    await page.getByLabel('Tipo', { exact: true }).selectOption({ label: 'Número entero' });
    await page.getByRole('button', { name: 'Crear campo' }).click();
    const field = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Talla de calzado' }) });
    await field.getByText('Número entero').waitFor();
    await page.getByLabel('Nombre', { exact: true }).fill('Descuento (%)');
    await page.getByLabel('Tipo', { exact: true }).selectOption({ label: 'Número' });
    await page.getByRole('button', { name: 'Crear campo' }).click();
    await page.getByRole('rowheader', { name: 'Descuento (%)' }).waitFor();
    await screenshot(page, 'es-01-custom-fields');
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    await page.goto(`${stack.server.baseUrl}/settings/funnels`);
    await page.getByLabel('Nombre', { exact: true }).fill('Ventas');
    await page.getByLabel('Etapas, una por línea, en orden').fill('Prospecto\nPropuesta\nGanado');
    await page.getByRole('button', { name: 'Crear embudo' }).click();
    await page.getByRole('list', { name: 'Etapas de Ventas' }).waitFor();
    await screenshot(page, 'es-02-funnels');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    const funnels = await stack.api.request<{ items: { stages: { name: string }[] }[] }>('GET', '/funnels');
    expect(funnels.items[0]?.stages.map((item) => item.name)).toEqual(['Prospecto', 'Propuesta', 'Ganado']);
  });

  it('edits the name, e-mail, address and city in place, refusing a bad e-mail at the field in Spanish', async () => {
    await page.goto(conversationUrl);
    const edit = async (label: string, value: string) => {
      await panel()
        .getByRole('button', { name: new RegExp(`^${label} `) })
        .click();
      const input = panel().getByRole('textbox', { name: label, exact: true });
      await input.fill(value);
      await input.press('Enter');
      await panel()
        .getByRole('button', { name: `${label} ${value}`, exact: true })
        .waitFor();
    };
    await page.getByText(`${stack.admin.name} movió la conversación de Nueva a Abierta`).waitFor();
    await edit('Nombre', 'Valentina');
    await edit('Apellidos', 'Ríos');
    await panel().getByText('Valentina Ríos', { exact: true }).first().waitFor();

    await panel()
      .getByRole('button', { name: /^Correo / })
      .click();
    const email = panel().getByRole('textbox', { name: 'Correo', exact: true });
    await email.fill('valentina@');
    await email.press('Enter');
    await panel().getByRole('alert').getByText('Escribe un correo válido, como ana@ejemplo.com.').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'es-03-email-refused');
    await email.press('Escape');
    await panel().getByRole('button', { name: 'Correo Sin dato', exact: true }).waitFor();

    await edit('Correo', 'valentina@ejemplo.mx');
    await edit('Dirección', 'Av. Insurgentes Sur 1234, int. 5');
    await edit('Ciudad', 'Ciudad de México');
    const profile = await stack.api.request<{ customer: Record<string, string | null> }>(
      'GET',
      `/customers/${customerId}`,
    );
    expect(profile.customer).toMatchObject({
      firstName: 'Valentina',
      lastName: 'Ríos',
      email: 'valentina@ejemplo.mx',
      address: 'Av. Insurgentes Sur 1234, int. 5',
      city: 'Ciudad de México',
    });
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    // The Instagram record has no phone yet: the server's refusals reach the field in Spanish.
    await rows().filter({ hasText: 'vale.rios' }).first().click();
    await panel()
      .getByRole('button', { name: /^Teléfono / })
      .click();
    const phone = panel().getByRole('textbox', { name: 'Teléfono', exact: true });
    await phone.fill('+52 1234');
    await phone.press('Enter');
    await panel()
      .getByRole('alert')
      .getByText('Un número tiene de 8 a 15 dígitos, contando el código de país.')
      .waitFor();
    await phone.fill('+52 1 55 1234 5678');
    await phone.press('Enter');
    await panel().getByRole('alert').getByText('Otro cliente ya tiene este número de teléfono.').waitFor();
    await screenshot(page, 'es-03b-phone-taken');
    await phone.press('Escape');
    await panel().getByRole('button', { name: 'Teléfono Sin dato', exact: true }).waitFor();
  });

  it('adds a new tag inline, a note, a whole number and a decimal typed with a comma to the custom fields', async () => {
    await page.goto(conversationUrl);
    await panel().getByRole('button', { name: 'Añadir etiqueta' }).click();
    await panel().getByLabel('Busca o nombra una etiqueta').fill('Mayoreo');
    await panel().getByLabel('Color', { exact: true }).fill('#0f766e');
    await panel().getByRole('button', { name: 'Crear «Mayoreo»' }).click();
    await panel().getByRole('button', { name: 'Quitar la etiqueta Mayoreo' }).waitFor();

    await panel().getByLabel('Nota nueva').fill('Prefiere entrega por la tarde.');
    await panel().getByRole('button', { name: 'Añadir nota' }).click();
    const note = panel().getByRole('listitem').filter({ hasText: 'Prefiere entrega por la tarde.' });
    await note.getByText(stack.admin.name).waitFor();
    await note.getByRole('button', { name: 'Editar' }).waitFor();

    await panel()
      .getByRole('button', { name: /^Talla de calzado / })
      .click();
    const size = panel().getByRole('textbox', { name: 'Talla de calzado' });
    await size.fill('veintiséis');
    await size.press('Enter');
    await panel().getByRole('alert').getByText('Escribe un número entero, como 42.').waitFor();
    await size.fill('26');
    await size.press('Enter');
    await panel().getByRole('button', { name: 'Talla de calzado 26', exact: true }).waitFor();

    await panel()
      .getByRole('button', { name: /^Descuento \(%\) / })
      .click();
    const discount = panel().getByRole('textbox', { name: 'Descuento (%)' });
    await discount.fill('doce');
    await discount.press('Enter');
    await panel().getByRole('alert').getByText('Escribe un número, como 12,5.').waitFor();
    await discount.fill('12,5');
    await discount.press('Enter');
    await panel().getByRole('button', { name: 'Descuento (%) 12,5', exact: true }).waitFor();

    const values = await stack.api.request<{ items: { field: { name: string }; value: unknown }[] }>(
      'GET',
      `/customers/${customerId}/custom-fields`,
    );
    expect(values.items).toContainEqual(
      expect.objectContaining({ field: expect.objectContaining({ name: 'Talla de calzado' }), value: 26 }),
    );
    expect(values.items).toContainEqual(
      expect.objectContaining({ field: expect.objectContaining({ name: 'Descuento (%)' }), value: 12.5 }),
    );
    await screenshotScrolled(page, panel(), 'es-04-tag-note-field');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('creates an order of two items typed with a decimal comma and marks it paid, totals in Spanish money', async () => {
    await panel().getByRole('button', { name: 'Pedido nuevo' }).click();
    const form = panel().getByRole('form', { name: 'Pedido nuevo' });
    const first = form.getByRole('group', { name: 'Artículo 1' });
    await first.getByLabel('Nombre').fill('Chamarra azul');
    await first.getByLabel('Cantidad').fill('2');
    await first.getByLabel('Precio unitario').fill('1250,50');
    await form.getByRole('button', { name: 'Añadir artículo' }).click();
    const second = form.getByRole('group', { name: 'Artículo 2' });
    await second.getByLabel('Nombre').fill('Gorra');
    await second.getByLabel('Precio unitario').fill('199');
    await form.getByLabel('Moneda').fill('MXN');
    await form.getByText(pesos('2700,00')).waitFor();
    await screenshotScrolled(page, panel(), 'es-05-order-form');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Crear pedido' }).click();

    const totals = panel()
      .getByRole('definition')
      .filter({ hasText: pesos('2700,00') });
    await totals.waitFor();
    await panel().getByText('Pendiente (1)').waitFor();
    await panel().getByRole('button', { name: 'Marcar como pagado' }).click();
    await panel().getByText('Pagado (1)').waitFor();
    expect(await panel().getByText('Pendiente (1)').count()).toBe(0);
    const orders = await stack.api.request<{ items: { total: number; status: string }[] }>(
      'GET',
      `/customers/${customerId}/orders`,
    );
    expect(orders.items).toEqual([expect.objectContaining({ total: 270000, status: 'paid' })]);
    await screenshotScrolled(page, panel(), 'es-06-order-paid');
  });

  it('creates a deal on the board and moves it by dragging and by keyboard, with counts and totals following', async () => {
    await page.getByRole('link', { name: 'Negocios', exact: true }).click();
    await expectPath(page, stack.server.baseUrl, '/deals');
    await page.getByRole('button', { name: 'Nuevo negocio' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nuevo negocio' });
    await dialog.getByLabel('Nombre', { exact: true }).fill('Chamarras para la tienda');
    await dialog.getByRole('searchbox', { name: 'Cliente' }).fill('Valentina');
    await dialog.getByRole('button', { name: 'Valentina Ríos', exact: true }).click();
    await dialog.getByLabel('Importe', { exact: true }).fill('15000,50');
    await dialog.getByLabel('Moneda', { exact: true }).fill('MXN');
    await screenshot(page, 'es-07-deal-dialog');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Crear negocio' }).click();
    await expect.poll(() => figures('Prospecto').textContent()).toMatch(/^1 negocio · 15\.000,50\sMXN$/);
    await expect.poll(() => figures('Propuesta').textContent()).toBe('0 negocios');

    await page.getByRole('article', { name: 'Chamarras para la tienda' }).dragTo(stage('Propuesta'));
    await expect.poll(() => figures('Propuesta').textContent()).toMatch(/^1 negocio · 15\.000,50\sMXN$/);
    await expect.poll(() => figures('Prospecto').textContent()).toBe('0 negocios');

    await page.getByRole('button', { name: 'Mover a… (Chamarras para la tienda)' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitemradio', { name: 'Ganado' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => figures('Ganado').textContent()).toMatch(/^1 negocio · 15\.000,50\sMXN$/);
    await expect.poll(() => figures('Propuesta').textContent()).toBe('0 negocios');
    await screenshot(page, 'es-08-deals-board');
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    await page.goto(conversationUrl);
    await section('Negocios')
      .getByRole('button', { name: /Chamarras para la tienda/ })
      .getByText('Ganado')
      .waitFor();
    await page
      .getByText(`${stack.admin.name} creó el negocio «Chamarras para la tienda» en Prospecto`)
      .waitFor();
    await page.getByText(`${stack.admin.name} movió un negocio de Propuesta a Ganado`).waitFor();
  });

  it(
    'schedules a reminder through the Spanish form two minutes ahead in the workspace’s zone and shows its toast when it fires',
    async () => {
      const { timeZone } = await stack.api.request<{ timeZone: string }>('GET', '/workspace/time-zone');
      await panel().getByRole('button', { name: 'Recordatorio nuevo' }).click();
      const form = panel().getByRole('form', { name: 'Recordatorio nuevo' });
      await form.getByText(`En la zona horaria del espacio de trabajo: ${timeZone}.`).waitFor();
      await form.getByLabel('Fecha y hora').fill(wallClock(Date.now() + 2 * 60_000, timeZone));
      await form.getByLabel('Avisar al responsable del cliente').check();
      await form.getByLabel('Texto del recordatorio').fill('Confirmar la talla con Valentina');
      await screenshotScrolled(page, panel(), 'es-09-reminder-form');
      expect(await findSeriousA11yViolations(page)).toEqual([]);
      await form.getByRole('button', { name: 'Programar recordatorio' }).click();

      const reminder = panel().getByRole('listitem').filter({ hasText: 'Confirmar la talla con Valentina' });
      await reminder.getByText('Programado').waitFor();
      const clock = rows().filter({ hasText: 'Valentina Ríos' }).getByText('Recordatorio programado');
      await clock.waitFor({ state: 'attached', timeout: LIVE_TIMEOUT });
      const toast = page
        .getByRole('region', { name: 'Notificaciones' })
        .getByText('Recordatorio: Confirmar la talla con Valentina');
      await toast.waitFor({ timeout: 3 * 60_000 });
      await screenshot(page, 'es-10-reminder-fired');
      await reminder.getByText('Hecho').waitFor({ timeout: LIVE_TIMEOUT });
      await clock.waitFor({ state: 'detached', timeout: LIVE_TIMEOUT });
      expect(await findSeriousA11yViolations(page)).toEqual([]);
    },
    4 * 60_000,
  );

  it('merges the Instagram record into the WhatsApp one on a 390 px phone, with the activity line in Spanish', async () => {
    const phone = await spanishPage(390, 844);
    await rows(phone).filter({ hasText: 'Valentina Ríos' }).click();
    const panes = phone.getByRole('navigation', { name: 'Secciones de la bandeja' });
    await panes.getByRole('button', { name: 'Cliente' }).click();
    await panel(phone).getByRole('button', { name: 'Unir con otro cliente…' }).click();
    const search = phone.getByRole('dialog', { name: 'Unir a Valentina Ríos con otro cliente' });
    await search.getByRole('searchbox', { name: 'Cliente' }).fill('vale');
    await search.getByRole('button', { name: 'Unir a vale.rios con este cliente' }).click();
    const confirm = phone.getByRole('dialog', { name: '¿Unir a vale.rios con Valentina Ríos?' });
    await confirm.getByText('canales (Instagram)', { exact: false }).waitFor();
    await screenshot(phone, 'es-11-merge-confirm-390px');
    expect(await findSeriousA11yViolations(phone)).toEqual([]);
    await confirm.getByRole('button', { name: 'Unir clientes' }).click();
    await confirm.waitFor({ state: 'hidden' });

    await panel(phone).getByRole('status').getByText('vale.rios se unió con este cliente.').waitFor();
    await panel(phone).getByRole('heading', { name: 'Conversaciones (2)' }).first().waitFor();
    await panel(phone)
      .getByRole('link', { name: /WhatsApp Ventas/ })
      .getByText('En pantalla')
      .waitFor();
    const width = await panel(phone).evaluate((element) => ({
      scroll: element.scrollWidth,
      client: element.clientWidth,
    }));
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    await screenshotScrolled(phone, panel(phone), 'es-12-merged-390px');
    expect(await findSeriousA11yViolations(phone)).toEqual([]);
    await panes.getByRole('button', { name: 'Conversación' }).click();
    const activity = `${stack.admin.name} unió a vale.rios con este cliente`;
    await phone.getByText(activity).first().scrollIntoViewIfNeeded();
    await screenshot(phone, 'es-13-merge-activity-390px');
    await phone.context().close();

    await page.getByText(activity).first().waitFor({ timeout: LIVE_TIMEOUT });
    await rows().filter({ hasText: 'vale.rios' }).waitFor({ state: 'detached', timeout: LIVE_TIMEOUT });
    const profile = await stack.api.request<{ customer: { identities: { channelType: string }[] } }>(
      'GET',
      `/customers/${customerId}`,
    );
    expect(profile.customer.identities.map((identity) => identity.channelType).sort()).toEqual([
      'instagram',
      'whatsapp',
    ]);
    await screenshot(page, 'es-14-merged');
    expect(pageErrors).toEqual([]);
  });
});
