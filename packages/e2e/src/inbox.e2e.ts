import { sampleFile } from '@charla/meta-sandbox';
import type { Browser, Locator, Page, WebSocketRoute } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  afterJourney,
  findSeriousA11yViolations,
  type InboxStack,
  launchBrowser,
  openSignedIn,
  screenshot,
  signIn,
  startInboxStack,
} from './harness/index.ts';

const LIVE_TIMEOUT = 15_000;

/** The agent journeys of the inbox against the real server and the Meta sandbox. */
describe('inbox journeys: live arrival, reply and ticks, reassignment, resolve, window, files, notes, search', () => {
  let stack: InboxStack;
  let browser: Browser;
  let admin: Page;
  const pageErrors: string[] = [];

  async function openAs(email: string, password: string, locale = 'en-US'): Promise<Page> {
    const account = { email, password };
    const options = { viewport: { width: 1280, height: 800 }, locale, errors: pageErrors };
    return (await openSignedIn(browser, stack.server.baseUrl, account, options)).page;
  }

  function list(page: Page): Locator {
    return page.getByRole('region', { name: 'Conversations' });
  }

  /** The open conversation, labelled by the customer's name. */
  function chat(page: Page, customerName: string): Locator {
    return page.getByRole('region', { name: customerName, exact: true });
  }

  function row(page: Page, customerName: string): Locator {
    return list(page).getByRole('link', { name: new RegExp(customerName) });
  }

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startInboxStack(), launchBrowser()]);
    admin = await openAs(stack.admin.email, stack.admin.password);
  });

  afterJourney('inbox', () => ({ browser, stack }));

  it('shows a customer message live, opens it, replies, and the ticks go sent → delivered → read', async () => {
    const first = row(admin, 'Valentina Ríos');
    expect(await first.count()).toBe(0);
    stack.sandbox.inbound({
      channel: 'whatsapp',
      type: 'text',
      from: '5215512345678',
      name: 'Valentina Ríos',
      text: 'Hola, ¿tienen la chamarra en talla M?',
    });
    await first.waitFor({ timeout: LIVE_TIMEOUT });
    await expect.poll(() => first.textContent()).toContain('talla M');
    await screenshot(admin, 'inbox-01-live-arrival');

    await first.click();
    const conversation = chat(admin, 'Valentina Ríos');
    await conversation.getByText('Hola, ¿tienen la chamarra en talla M?').waitFor();
    await conversation.getByRole('button', { name: /^Status: Open/ }).waitFor();

    // The sandbox reads each reply a moment later: sent, delivered, then read.
    stack.sandbox.statuses.set({ stepDelayMs: 300 });
    const composer = conversation.getByRole('textbox', { name: 'Message' });
    await composer.fill('¡Hola Valentina! Sí, nos queda en M. ¿Te la aparto?');
    await composer.press('Enter');
    const reply = conversation.getByText('¡Hola Valentina! Sí, nos queda en M. ¿Te la aparto?');
    await reply.waitFor();
    const sent = await stack.sandbox.sent.waitFor(
      (record) => record.operation === 'whatsapp.send',
      LIVE_TIMEOUT,
    );
    expect(JSON.stringify(sent)).toContain('nos queda en M');
    await conversation.getByRole('img', { name: 'Read' }).waitFor({ timeout: LIVE_TIMEOUT });
    await conversation.getByRole('button', { name: /^Status: Pending/ }).waitFor();
    await screenshot(admin, 'inbox-02-reply-read');
    expect(stack.sandbox.sent.list().filter((record) => record.operation === 'whatsapp.send')).toHaveLength(
      1,
    );
    expect(await findSeriousA11yViolations(admin)).toEqual([]);
  });

  it('reassigns the chat to another agent, who sees it live while the first (assigned only) loses it', async () => {
    const [luis, sofia] = stack.agents;
    const luisPage = await openAs(luis.email, luis.password);
    const sofiaPage = await openAs(sofia.email, sofia.password);
    stack.sandbox.inbound({
      channel: 'whatsapp',
      type: 'text',
      from: '5215587654321',
      name: 'Mateo Gómez',
      text: 'Buenas tardes',
    });
    await row(admin, 'Mateo Gómez').click();
    const conversation = chat(admin, 'Mateo Gómez');

    await conversation.getByRole('button', { name: /^Owner: Unassigned/ }).click();
    await admin.getByRole('menuitemradio', { name: luis.name }).click();
    // Assigned-only agents see nothing before; then the chat arrives on Luis's screen alone.
    await row(luisPage, 'Mateo Gómez').waitFor({ timeout: LIVE_TIMEOUT });
    expect(await row(sofiaPage, 'Mateo Gómez').count()).toBe(0);
    await screenshot(luisPage, 'inbox-03-assigned-to-luis');

    await conversation.getByRole('button', { name: `Owner: ${luis.name}. Change owner` }).click();
    await admin.getByRole('menuitemradio', { name: sofia.name }).click();
    await row(sofiaPage, 'Mateo Gómez').waitFor({ timeout: LIVE_TIMEOUT });
    await row(luisPage, 'Mateo Gómez').waitFor({ state: 'detached', timeout: LIVE_TIMEOUT });
    await conversation.getByText(`Ana Torres assigned the chat to ${sofia.name}`).waitFor();
    await screenshot(sofiaPage, 'inbox-04-reassigned-to-sofia');
    await luisPage.context().close();
    await sofiaPage.context().close();
  });

  it('resolves a chat, and a new message from the customer brings it back as new', async () => {
    await row(admin, 'Valentina Ríos').click();
    const conversation = chat(admin, 'Valentina Ríos');
    await conversation.getByRole('button', { name: /^Status: Pending/ }).click();
    await admin.getByRole('menuitem', { name: 'Resolved' }).click();
    await conversation.getByRole('button', { name: /^Status: Resolved/ }).waitFor();
    const tabs = list(admin).getByRole('tablist');
    await tabs.getByRole('tab', { name: /Resolved/ }).click();
    await row(admin, 'Valentina Ríos').waitFor();

    stack.sandbox.inbound({
      channel: 'whatsapp',
      type: 'text',
      from: '5215512345678',
      text: 'Sí, apártamela por favor',
    });
    await tabs.getByRole('tab', { name: /To resolve/ }).click();
    const back = row(admin, 'Valentina Ríos');
    await back.waitFor({ timeout: LIVE_TIMEOUT });
    await expect.poll(() => back.textContent(), { timeout: LIVE_TIMEOUT }).toContain('apártamela');
    await screenshot(admin, 'inbox-05-back-as-new');
  });

  it('offers only templates once the 24-hour window has closed, and sends one with its variables', async () => {
    await stack.api.request('POST', `/channels/${stack.channels.whatsapp}/templates/sync`);
    stack.sandbox.inbound({
      channel: 'whatsapp',
      type: 'text',
      from: '5215511112222',
      name: 'Camila Duarte',
      text: 'Quiero cambiar mi pedido',
      timestamp: Date.now() - 26 * 60 * 60 * 1000,
    });
    await row(admin, 'Camila Duarte').click();
    const conversation = chat(admin, 'Camila Duarte');
    await conversation.getByText(/WhatsApp only accepts a template/).waitFor();
    expect(await conversation.getByRole('textbox', { name: 'Message' }).count()).toBe(0);

    await conversation.getByLabel('Template').selectOption({ label: 'bienvenida · Spanish' });
    await conversation.getByLabel('Value for 1').fill('Camila');
    await conversation
      .getByText('¡Hola Camila! 👋 Gracias por escribirnos.', { exact: false })
      .first()
      .waitFor();
    await screenshot(admin, 'inbox-06-template-picker');
    await conversation.getByRole('button', { name: 'Send template' }).click();
    const sent = await stack.sandbox.sent.waitFor(
      (record) => record.operation === 'whatsapp.send' && JSON.stringify(record).includes('bienvenida'),
      LIVE_TIMEOUT,
    );
    expect(JSON.stringify(sent)).toContain('Camila');
    await conversation.getByRole('img', { name: 'Read' }).waitFor({ timeout: LIVE_TIMEOUT });

    // A template with an image header asks for the picture, shows it, and sends it as the header.
    const picker = conversation.getByLabel('Template');
    const orderUpdate = await picker.locator('option', { hasText: 'order_update' }).getAttribute('value');
    await picker.selectOption(orderUpdate ?? '');
    const send = conversation.getByRole('button', { name: 'Send template' });
    for (const [variable, value] of [
      ['1', 'Camila'],
      ['2', '#4821'],
      ['3', 'el viernes'],
    ] as const) {
      await conversation.getByLabel(`Value for ${variable}`).fill(value);
    }
    expect(await send.isDisabled()).toBe(true);
    const headerImage = conversation.getByLabel('Header image');
    await headerImage.setInputFiles({
      name: 'factura.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(sampleFile('pdf', 'factura').bytes),
    });
    await conversation
      .getByRole('alert')
      .getByText(/factura\.pdf: this channel does not take/)
      .waitFor();
    expect(await send.isDisabled()).toBe(true);
    await headerImage.setInputFiles({
      name: 'pedido-4821.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from(sampleFile('jpeg').bytes),
    });
    await screenshot(admin, 'inbox-06b-template-with-image-header');
    await send.click();
    const withHeader = await stack.sandbox.sent.waitFor(
      (record) => record.operation === 'whatsapp.send' && JSON.stringify(record).includes('order_update'),
      LIVE_TIMEOUT,
    );
    expect(withHeader.payload).toMatchObject({
      template: { components: [{ type: 'header', parameters: [{ type: 'image' }] }, { type: 'body' }] },
    });
    const bubble = conversation.getByRole('article').filter({ hasText: 'Template · order_update' });
    await bubble.getByRole('button', { name: /^Open image/ }).waitFor({ timeout: LIVE_TIMEOUT });
    await bubble.getByRole('img', { name: 'Read' }).waitFor({ timeout: LIVE_TIMEOUT });
    await screenshot(admin, 'inbox-06c-template-with-image-sent');
  });

  it('shows a picture the customer sends, sends one back, and adds an internal note the customer never receives', async () => {
    await row(admin, 'Valentina Ríos').click();
    const conversation = chat(admin, 'Valentina Ríos');
    stack.sandbox.inbound({
      channel: 'whatsapp',
      type: 'image',
      from: '5215512345678',
      caption: '¿Es esta?',
    });
    await conversation.getByText('¿Es esta?').waitFor({ timeout: LIVE_TIMEOUT });
    // Downloaded from Meta by a job, then served by Charla: the image opens in the lightbox.
    await conversation
      .getByRole('button', { name: /^Open image/ })
      .first()
      .click({ timeout: LIVE_TIMEOUT });
    await admin.getByRole('dialog').getByRole('img').waitFor();
    await admin.keyboard.press('Escape');
    await conversation.locator('input[type=file]').setInputFiles({
      name: 'chamarra-talla-m.png',
      mimeType: 'image/png',
      buffer: Buffer.from(sampleFile('png', 'chamarra').bytes),
    });
    await conversation
      .getByRole('list', { name: 'Files to send' })
      .getByText('chamarra-talla-m.png')
      .waitFor();
    await conversation.getByRole('button', { name: 'Send', exact: true }).click();
    await stack.sandbox.sent.waitFor(
      (record) =>
        record.operation === 'whatsapp.send' && (record.payload as { type?: string }).type === 'image',
      LIVE_TIMEOUT,
    );
    await expect.poll(() => conversation.getByRole('button', { name: /^Open image/ }).count()).toBe(2);

    const sendsBefore = stack.sandbox.sent.list({ operation: 'whatsapp.send' }).length;
    await conversation.getByRole('button', { name: 'Internal note' }).click();
    const note = conversation.getByRole('textbox', { name: 'Internal note' });
    await note.fill('Le apartamos la chamarra M hasta el viernes');
    await conversation.getByRole('button', { name: 'Add note' }).click();
    await conversation.getByText('Le apartamos la chamarra M hasta el viernes').waitFor();
    await conversation.getByText(/Internal note · Ana Torres/).waitFor();
    await screenshot(admin, 'inbox-07-picture-and-note');
    expect(stack.sandbox.sent.list({ operation: 'whatsapp.send' })).toHaveLength(sendsBefore);
  });

  it('finds customers by an accent-free name or a phone typed with spaces, and filters by channel', async () => {
    stack.sandbox.inbound({
      channel: 'messenger',
      type: 'text',
      name: 'Joaquín Peña',
      text: 'Hello, do you ship to Bogotá?',
    });
    await row(admin, 'Joaquín Peña').waitFor({ timeout: LIVE_TIMEOUT });
    await list(admin).getByRole('tab', { name: /^All/ }).click();
    const search = list(admin).getByRole('searchbox', { name: 'Search conversations' });

    await search.fill('joaquin pena');
    await row(admin, 'Joaquín Peña').waitFor();
    await expect.poll(() => row(admin, 'Valentina Ríos').count()).toBe(0);

    await search.fill('55 1234 5678');
    await row(admin, 'Valentina Ríos').waitFor();
    await expect.poll(() => row(admin, 'Joaquín Peña').count()).toBe(0);
    await screenshot(admin, 'inbox-08-search-phone');
    await search.fill('');

    await admin
      .getByRole('navigation', { name: 'Channels' })
      .getByRole('button', { name: /Página Aurora/ })
      .click();
    await row(admin, 'Joaquín Peña').waitFor();
    await expect.poll(() => row(admin, 'Mateo Gómez').count()).toBe(0);
    await screenshot(admin, 'inbox-09-channel-filter');
  });

  it('catches up with every message sent while its connection was cut, in order, once each', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Every realtime socket goes through this route; while `cut`, each attempt is dropped at once.
    let cut = false;
    const open: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/api\/v1\/realtime/, (socket) => {
      if (cut) {
        void socket.close({ code: 1006 });
        return;
      }
      socket.connectToServer();
      open.push(socket);
    });
    await page.goto(`${stack.server.baseUrl}/login`);
    await signIn(page, stack.admin.email, stack.admin.password);
    await row(page, 'Valentina Ríos').click();
    const conversation = chat(page, 'Valentina Ríos');
    await conversation.getByText('Sí, apártamela por favor').waitFor();
    await expect.poll(() => open.length).toBeGreaterThan(0);

    cut = true;
    await Promise.all(open.splice(0).map((socket) => socket.close({ code: 1006 })));
    await page.getByText(/^Reconnecting/).waitFor({ timeout: LIVE_TIMEOUT });
    const texts = ['Primero: ¿envían a Puebla?', 'Segundo: pago con tarjeta', 'Tercero: ¿cuánto tarda?'];
    for (const text of texts)
      stack.sandbox.inbound({ channel: 'whatsapp', type: 'text', from: '5215512345678', text });
    await stack.sandbox.idle();
    // Stored on the server while the page could not hear about it.
    const conversationId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await expect
      .poll(async () => {
        const stored = await stack.api.request<{ items: { text: string | null }[] }>(
          'GET',
          `/conversations/${conversationId}/messages`,
        );
        return texts.filter((text) => stored.items.some((message) => message.text === text)).length;
      })
      .toBe(texts.length);
    expect(await conversation.getByText(texts[0] ?? '').count()).toBe(0);

    cut = false;
    await page.getByText(/^Reconnecting/).waitFor({ state: 'hidden', timeout: 40_000 });
    // The list row shows the last of them once the catch-up arrived; then read the thread's end.
    await expect
      .poll(() => row(page, 'Valentina Ríos').textContent(), { timeout: LIVE_TIMEOUT })
      .toContain(texts[2]);
    await conversation.getByRole('log').evaluate((log) => log.scrollTo({ top: log.scrollHeight }));
    for (const text of texts) await conversation.getByText(text).waitFor({ timeout: LIVE_TIMEOUT });
    const thread = (await conversation.getByRole('log').textContent()) ?? '';
    const positions = texts.map((text) => thread.indexOf(text));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const text of texts) expect(thread.split(text)).toHaveLength(2);
    await screenshot(page, 'inbox-10-caught-up-after-cut');
    await context.close();
  });

  it('lists the connected channels in settings with the webhook setup, and tests a connection', async () => {
    await admin.goto(`${stack.server.baseUrl}/settings/channels`);
    await admin.getByRole('heading', { name: 'Channels', level: 1 }).waitFor();
    expect(await admin.getByLabel('Callback URL', { exact: true }).inputValue()).toMatch(
      /^https?:\/\/.+\/webhooks\/meta$/,
    );
    expect(await admin.getByLabel('Verify token', { exact: true }).inputValue()).toBe('e2e-verify');
    for (const name of ['WhatsApp Ventas', 'Página Aurora', 'Instagram @aurora'])
      await admin.getByText(name).first().waitFor();
    // Tokens are never shown whole.
    expect(await admin.content()).not.toContain(stack.sandbox.assets.whatsapp().token);
    await admin.getByRole('button', { name: 'Test connection of WhatsApp Ventas' }).click();
    await admin.getByText(/^Connection works/).waitFor({ timeout: LIVE_TIMEOUT });
    await screenshot(admin, 'inbox-09-settings-channels');
    expect(await findSeriousA11yViolations(admin)).toEqual([]);
    await admin.goto(`${stack.server.baseUrl}/inbox`);
  });

  it('scrolls a long conversation back to its first message, loading older pages on the way', async () => {
    for (let index = 0; index < 240; index += 1) {
      stack.sandbox.inbound({
        channel: 'whatsapp',
        type: 'text',
        from: '5215500001111',
        name: 'Larga Conversación',
        text: `mensaje ${index}`,
      });
    }
    await stack.sandbox.idle();
    await row(admin, 'Larga Conversación').click();
    const log = chat(admin, 'Larga Conversación').getByRole('log');
    await log.getByText('mensaje 239', { exact: true }).waitFor({ timeout: LIVE_TIMEOUT });
    const box = await log.boundingBox();
    if (!box) throw new Error('the thread is not on screen');
    await admin.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // The wheel, as a person scrolls: at the very top no scroll event fires, yet pages must keep coming.
    await expect
      .poll(
        async () => {
          await admin.mouse.wheel(0, -1200);
          return log.getByText('This is the start of the conversation.').count();
        },
        { timeout: 30_000, interval: 50 },
      )
      .toBe(1);
    await log.getByText('mensaje 0', { exact: true }).waitFor();
    await log.getByText('mensaje 1', { exact: true }).waitFor();
  });

  it('shows the inbox in Spanish, with the same conversations', async () => {
    const page = await openAs(stack.admin.email, stack.admin.password, 'es-MX');
    const lista = page.getByRole('region', { name: 'Conversaciones' });
    await lista.getByRole('link', { name: /Valentina Ríos/ }).click();
    await page
      .getByRole('region', { name: 'Valentina Ríos', exact: true })
      .getByText('Sí, apártamela por favor')
      .waitFor();
    await screenshot(page, 'inbox-11-spanish');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'inbox-12-spanish-phone');
    expect(pageErrors).toEqual([]);
  });
});
