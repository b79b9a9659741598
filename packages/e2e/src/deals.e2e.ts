import { sampleFile } from '@charla/meta-sandbox';
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

/** Settings for tags, funnels and quick replies; the Deals board; `/` quick replies in the composer. */
describe('CRM settings, the deals board and quick replies', () => {
  let stack: InboxStack;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  const stage = (name: string): Locator => page.getByRole('region', { name, exact: true });
  const figures = (name: string): Locator => stage(name).getByTestId('stage-figures');
  const card = (title: string): Locator => page.getByRole('article', { name: title });

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startInboxStack(), launchBrowser()]);
    ({ page } = await openSignedIn(browser, stack.server.baseUrl, stack.admin, {
      viewport: { width: 1280, height: 900 },
      errors: pageErrors,
    }));
    stack.sandbox.inbound({
      channel: 'whatsapp',
      type: 'text',
      from: '5215512345678',
      name: 'Vale',
      text: '¿Cuánto tarda el envío?',
    });
    await page
      .getByRole('region', { name: 'Conversations' })
      .getByRole('link', { name: /Vale/ })
      .waitFor({ timeout: LIVE_TIMEOUT });
  });

  afterJourney('deals', () => ({ browser, stack }));

  it('creates a funnel with its stages in settings, then adds and reorders a stage', async () => {
    await page.goto(`${stack.server.baseUrl}/settings/funnels`);
    await page.getByLabel('Name', { exact: true }).fill('Ventas');
    await page.getByLabel('Stages, one per line, in order').fill('Lead\nOffer\nLost');
    await page.getByRole('button', { name: 'Create funnel' }).click();
    const stages = page.getByRole('list', { name: 'Stages of Ventas' });
    await stages.waitFor();
    await page.getByRole('textbox', { name: 'New stage' }).fill('Won');
    await page.getByRole('button', { name: 'Add stage' }).click();
    await page.getByRole('button', { name: 'Move Won up' }).click();
    await page.getByRole('button', { name: 'Save funnel' }).click();
    await expect
      .poll(async () =>
        (
          await stack.api.request<{ items: { stages: { name: string }[] }[] }>('GET', '/funnels')
        ).items[0]?.stages.map((item) => item.name),
      )
      .toEqual(['Lead', 'Offer', 'Won', 'Lost']);
    expect(
      await stages
        .getByRole('textbox')
        .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
    ).toEqual(['Lead', 'Offer', 'Won', 'Lost']);
    await screenshot(page, 'funnels-en');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('creates a deal for a customer found by search and moves it by drag and drop and by keyboard, with counts and totals following', async () => {
    await page.goto(`${stack.server.baseUrl}/`);
    await page.getByRole('link', { name: 'Deals', exact: true }).click();
    await expectPath(page, stack.server.baseUrl, '/deals');
    await page.getByRole('button', { name: 'New deal' }).click();
    const dialog = page.getByRole('dialog', { name: 'New deal' });
    await dialog.getByLabel('Name', { exact: true }).fill('Chamarra azul');
    await dialog.getByRole('searchbox', { name: 'Customer' }).fill('Vale');
    await dialog.getByRole('button', { name: 'Vale', exact: true }).click();
    await dialog.getByLabel('Amount', { exact: true }).fill('1500.50');
    await dialog.getByLabel('Currency', { exact: true }).fill('MXN');
    await screenshot(page, 'deal-dialog-en');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Create deal' }).click();
    await card('Chamarra azul').waitFor();
    await expect.poll(() => figures('Lead').textContent()).toBe('1 deal · MX$1,500.50');
    await expect.poll(() => figures('Offer').textContent()).toBe('0 deals');
    await expect.poll(() => card('Chamarra azul').textContent()).toContain('Ana Torres');

    await card('Chamarra azul').dragTo(stage('Offer'));
    await expect.poll(() => figures('Offer').textContent()).toBe('1 deal · MX$1,500.50');
    await expect.poll(() => figures('Lead').textContent()).toBe('0 deals');
    await stage('Offer').getByRole('article', { name: 'Chamarra azul' }).waitFor();

    await page.getByRole('button', { name: 'Move to… (Chamarra azul)' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitemradio', { name: 'Won' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => figures('Won').textContent()).toBe('1 deal · MX$1,500.50');
    await expect.poll(() => figures('Offer').textContent()).toBe('0 deals');
    const stored = await stack.api.request<{ items: { stageId: string }[] }>('GET', '/deals');
    const funnels = await stack.api.request<{ items: { stages: { id: string; name: string }[] }[] }>(
      'GET',
      '/funnels',
    );
    expect(funnels.items[0]?.stages.find((item) => item.id === stored.items[0]?.stageId)?.name).toBe('Won');

    await page.getByLabel('Minimum amount').fill('2000');
    await expect.poll(() => figures('Won').textContent()).toBe('0 deals');
    await page.getByLabel('Minimum amount').fill('abc');
    await page.getByText('Write an amount like 1500 or 1500.50.').waitFor();
    await page.getByLabel('Minimum amount').fill('');
    await expect.poll(() => figures('Won').textContent()).toBe('1 deal · MX$1,500.50');
    await screenshot(page, 'deals-board-en');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('edits a deal and deletes another after confirming, with the totals following', async () => {
    await page.getByRole('button', { name: 'New deal' }).click();
    const dialog = page.getByRole('dialog', { name: 'New deal' });
    await dialog.getByLabel('Name', { exact: true }).fill('Sombrero');
    await dialog.getByRole('button', { name: 'Create deal' }).click();
    await dialog.getByText('Pick the customer this deal is with.').waitFor();
    await dialog.getByRole('searchbox', { name: 'Customer' }).fill('Vale');
    await dialog.getByRole('button', { name: 'Vale', exact: true }).click();
    await dialog.getByLabel('Amount', { exact: true }).fill('12.345');
    await dialog.getByRole('button', { name: 'Create deal' }).click();
    await dialog.getByText(/^Write an amount like 1500 or 1500.50, with no more decimals/).waitFor();
    await dialog.getByLabel('Amount', { exact: true }).fill('300');
    await dialog.getByRole('button', { name: 'Create deal' }).click();
    await expect.poll(() => figures('Lead').textContent()).toBe('1 deal · MX$300.00');

    await page.getByRole('button', { name: 'Edit Chamarra azul' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit deal' });
    await edit.getByLabel('Amount', { exact: true }).fill('1750');
    await edit.getByRole('button', { name: 'Save deal' }).click();
    await expect.poll(() => figures('Won').textContent()).toBe('1 deal · MX$1,750.00');

    await page.getByRole('button', { name: 'Edit Sombrero' }).click();
    await page
      .getByRole('dialog', { name: 'Edit deal' })
      .getByRole('button', { name: 'Delete deal' })
      .click();
    await page
      .getByRole('dialog', { name: 'Delete the deal Sombrero?' })
      .getByRole('button', { name: 'Delete deal' })
      .click();
    await expect.poll(() => figures('Lead').textContent()).toBe('0 deals');
    await expect.poll(() => card('Sombrero').count()).toBe(0);
  });

  it("shows a colleague's moves and new deals on another member's open board and customer panel, without reload", async () => {
    const [, sofia] = stack.agents;
    const members = await stack.api.request<{ items: { id: string; email: string }[] }>('GET', '/members');
    const sofiaId = members.items.find((member) => member.email === sofia.email)?.id;
    await stack.api.request('PATCH', `/members/${sofiaId}`, { role: 'supervisor' });
    const { context: colleagueContext, page: colleague } = await openSignedIn(
      browser,
      stack.server.baseUrl,
      sofia,
      {
        viewport: { width: 1280, height: 900 },
        errors: pageErrors,
      },
    );
    await colleague.getByRole('link', { name: 'Deals', exact: true }).click();
    const theirStage = (name: string): Locator => colleague.getByRole('region', { name, exact: true });
    const theirFigures = (name: string) => theirStage(name).getByTestId('stage-figures').textContent();
    await expect.poll(() => theirFigures('Won')).toBe('1 deal · MX$1,750.00');
    // Gone if anything reloads the page: everything below must arrive live.
    await colleague.evaluate(() => Object.assign(window, { sameDocument: true }));

    await page.goto(`${stack.server.baseUrl}/deals`);
    await card('Chamarra azul').dragTo(stage('Offer'));
    await theirStage('Offer')
      .getByRole('article', { name: 'Chamarra azul' })
      .waitFor({ timeout: LIVE_TIMEOUT });
    await expect.poll(() => theirFigures('Offer')).toBe('1 deal · MX$1,750.00');
    await expect.poll(() => theirFigures('Won')).toBe('0 deals');

    await page.getByRole('button', { name: 'New deal' }).click();
    const dialog = page.getByRole('dialog', { name: 'New deal' });
    await dialog.getByLabel('Name', { exact: true }).fill('Botas vaqueras');
    await dialog.getByRole('searchbox', { name: 'Customer' }).fill('Vale');
    await dialog.getByRole('button', { name: 'Vale', exact: true }).click();
    await dialog.getByLabel('Amount', { exact: true }).fill('900');
    await dialog.getByRole('button', { name: 'Create deal' }).click();
    await theirStage('Lead')
      .getByRole('article', { name: 'Botas vaqueras' })
      .waitFor({ timeout: LIVE_TIMEOUT });
    await expect.poll(() => theirFigures('Lead')).toBe('1 deal · MX$900.00');
    await screenshot(colleague, 'deals-live-colleague-board-en');

    // A card held mid-drag stays put while someone else moves that deal; the drop then wins.
    const held = await card('Botas vaqueras').boundingBox();
    const offer = await stage('Offer').boundingBox();
    if (!held || !offer) throw new Error('the card or the Offer column is not on screen');
    await page.mouse.move(held.x + held.width / 2, held.y + 12);
    await page.mouse.down();
    await page.mouse.move(offer.x + offer.width / 2, offer.y + 200, { steps: 8 });
    const botas = (
      await stack.api.request<{ items: { id: string; title: string }[] }>('GET', '/deals')
    ).items.find((deal) => deal.title === 'Botas vaqueras');
    const wonId = (
      await stack.api.request<{ items: { stages: { id: string; name: string }[] }[] }>('GET', '/funnels')
    ).items[0]?.stages.find((item) => item.name === 'Won')?.id;
    await stack.api.request('PATCH', `/deals/${botas?.id}`, { stageId: wonId });
    await theirStage('Won')
      .getByRole('article', { name: 'Botas vaqueras' })
      .waitFor({ timeout: LIVE_TIMEOUT });
    expect(await stage('Lead').getByRole('article', { name: 'Botas vaqueras' }).count()).toBe(1);
    await page.mouse.move(offer.x + offer.width / 2, offer.y + 220, { steps: 2 });
    await page.mouse.up();
    await stage('Offer').getByRole('article', { name: 'Botas vaqueras' }).waitFor();
    await expect.poll(() => figures('Offer').textContent()).toBe('2 deals · MX$2,650.00');
    await expect.poll(() => figures('Won').textContent()).toBe('0 deals');
    await theirStage('Offer')
      .getByRole('article', { name: 'Botas vaqueras' })
      .waitFor({ timeout: LIVE_TIMEOUT });
    await expect.poll(() => theirFigures('Won')).toBe('0 deals');

    // The top bar's home link (the logo and workspace) leads back to the inbox, in the same page.
    await colleague.getByRole('link', { name: /^Charla/ }).click();
    await colleague
      .getByRole('region', { name: 'Conversations' })
      .getByRole('link', { name: /Vale/ })
      .click();
    const panelDeals = colleague
      .getByRole('complementary', { name: 'Customer' })
      .getByRole('group')
      .filter({ has: colleague.getByRole('heading', { name: 'Deals' }) });
    const panelDeal = (title: string): Locator => panelDeals.getByRole('button', { name: new RegExp(title) });
    await panelDeal('Chamarra azul').getByText('Offer', { exact: true }).waitFor();
    const deals = await stack.api.request<{
      items: { id: string; title: string; customer: { id: string } }[];
    }>('GET', '/deals');
    const chamarra = deals.items.find((deal) => deal.title === 'Chamarra azul');
    const funnels = await stack.api.request<{ items: { stages: { id: string; name: string }[] }[] }>(
      'GET',
      '/funnels',
    );
    const stageId = (name: string) => funnels.items[0]?.stages.find((item) => item.name === name)?.id;
    await stack.api.request('POST', '/deals', {
      title: 'Cinturón piel',
      customerId: chamarra?.customer.id,
      stageId: stageId('Lead'),
      amount: 45_000,
      currency: 'MXN',
    });
    await stack.api.request('PATCH', `/deals/${chamarra?.id}`, { stageId: stageId('Won') });
    await panelDeal('Cinturón piel').getByText('MX$450.00').waitFor({ timeout: LIVE_TIMEOUT });
    await panelDeal('Chamarra azul').getByText('Won', { exact: true }).waitFor({ timeout: LIVE_TIMEOUT });
    await panelDeals.scrollIntoViewIfNeeded();
    await screenshot(colleague, 'deals-live-colleague-panel-en');
    expect(await colleague.evaluate(() => 'sameDocument' in window)).toBe(true);
    await colleagueContext.close();
  });

  it('creates a tag and merges another into it, carrying its customers', async () => {
    const conversations = await stack.api.request<{ items: { customer: { id: string } }[] }>(
      'GET',
      '/conversations?tab=all',
    );
    const customerId = conversations.items[0]?.customer.id;
    await stack.api.request('POST', `/customers/${customerId}/tags`, { name: 'vip', color: '#aa3300' });
    await page.goto(`${stack.server.baseUrl}/settings/tags`);
    await page.getByLabel('Name', { exact: true }).fill('VIP customers');
    await page.getByRole('button', { name: 'Create tag' }).click();
    const tagRow = (name: string): Locator =>
      page
        .getByRole('row')
        .filter({ has: page.getByRole('textbox', { name: `Name of ${name}`, exact: true }) });
    const target = tagRow('VIP customers');
    await target.waitFor();
    await expect.poll(() => target.getByRole('cell').first().textContent()).toBe('0 customers');
    await expect.poll(() => tagRow('vip').getByRole('cell').first().textContent()).toBe('1 customer');
    await page
      .getByRole('combobox', { name: 'Tag to merge vip into' })
      .selectOption({ label: 'VIP customers' });
    await tagRow('vip').getByRole('button', { name: 'Merge' }).click();
    await tagRow('vip').waitFor({ state: 'detached' });
    await expect.poll(() => target.getByRole('cell').first().textContent()).toBe('1 customer');
    await screenshot(page, 'tags-en');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('saves a quick reply and inserts it in a chat by typing / and its shortcut', async () => {
    await page.goto(`${stack.server.baseUrl}/settings/quick-replies`);
    await page.getByLabel('Shortcut', { exact: true }).fill('shipping');
    await page.getByLabel('Title', { exact: true }).fill('Shipping times');
    await page.getByLabel('Text', { exact: true }).fill('We ship within 24 hours to all of Mexico.');
    await page.getByRole('button', { name: 'Save reply' }).click();
    await page.getByRole('rowheader', { name: '/shipping' }).waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'quick-replies-en');

    await page.goto(`${stack.server.baseUrl}/`);
    await page.getByRole('region', { name: 'Conversations' }).getByRole('link', { name: /Vale/ }).click();
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('/ship');
    const suggestions = page.getByRole('listbox', { name: 'Suggestions' });
    await suggestions.getByRole('option', { name: /shipping/ }).waitFor();
    await screenshot(page, 'quick-reply-suggestions-en');
    await composer.press('Tab');
    await expect.poll(() => composer.inputValue()).toBe('We ship within 24 hours to all of Mexico.');
    await composer.press('Enter');
    const conversation = page.getByRole('region', { name: 'Vale', exact: true });
    await conversation
      .getByText('We ship within 24 hours to all of Mexico.')
      .waitFor({ timeout: LIVE_TIMEOUT });

    await page.goto(`${stack.server.baseUrl}/settings/quick-replies`);
    await page.getByLabel('Shortcut', { exact: true }).fill('catalog');
    await page.getByLabel('Title', { exact: true }).fill('Catalogue');
    await page.getByLabel('Text', { exact: true }).fill('Here is our catalogue.');
    await page.getByLabel('File (optional)').setInputFiles({
      name: 'catalogo.png',
      mimeType: 'image/png',
      buffer: Buffer.from(sampleFile('png', 'catalogo').bytes),
    });
    await page.getByRole('button', { name: 'Save reply' }).click();
    await page.getByRole('row').filter({ hasText: '/catalog' }).getByText('catalogo.png').waitFor();
    await page.goBack();
    await composer.fill('/cat');
    await suggestions.getByRole('option', { name: /catalog/ }).waitFor();
    await composer.press('Enter');
    await conversation.getByRole('list', { name: 'Files to send' }).getByText('catalogo.png').waitFor();
    expect(await composer.inputValue()).toBe('Here is our catalogue.');
    await conversation.getByRole('button', { name: 'Send', exact: true }).click();
    await stack.sandbox.sent.waitFor(
      (record) =>
        record.operation === 'whatsapp.send' &&
        JSON.stringify(record).includes('"image"') &&
        JSON.stringify(record).includes('Here is our catalogue.'),
      LIVE_TIMEOUT,
    );
  });

  it('defines a list custom field with its options', async () => {
    await page.goto(`${stack.server.baseUrl}/settings/custom-fields`);
    await page.getByLabel('Name', { exact: true }).fill('Size');
    await page.getByLabel('Type', { exact: true }).selectOption('list');
    await page.getByRole('button', { name: 'Create field' }).click();
    await page.getByText('A list needs at least one option.').waitFor();
    await page.getByLabel('Options, one per line').fill('S\nM\nL');
    await page.getByRole('button', { name: 'Create field' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Size' }) });
    await expect.poll(() => row.getByRole('cell').nth(1).textContent()).toBe('S, M, L');
    await screenshot(page, 'custom-fields-en');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('lets an agent keep quick replies and see only their own deals, but not open workspace settings', async () => {
    const [luis] = stack.agents;
    const { context: agentContext, page: agent } = await openSignedIn(browser, stack.server.baseUrl, luis, {
      viewport: { width: 1280, height: 900 },
      errors: pageErrors,
    });
    await agent.goto(`${stack.server.baseUrl}/settings/tags`);
    await agent.getByText('Only admins can open settings').waitFor();
    await agent.getByRole('link', { name: 'Your quick replies' }).click();
    await agent.getByRole('heading', { name: 'Quick replies', level: 1 }).waitFor();
    expect(await agent.getByLabel('Who sees it').count()).toBe(0);
    await agent.getByRole('table', { name: 'Shared with the team' }).getByText('None yet.').waitFor();
    await agent.getByRole('link', { name: 'Deals', exact: true }).click();
    await agent.getByRole('region', { name: 'Won', exact: true }).getByText('0 deals').waitFor();
    expect(await agent.getByLabel('Owner').count()).toBe(0);
    await agentContext.close();
  });

  it('shows the board and the settings in Spanish', async () => {
    const { context: spanish, page: es } = await openSignedIn(browser, stack.server.baseUrl, stack.admin, {
      viewport: { width: 1280, height: 900 },
      locale: 'es-ES',
      errors: pageErrors,
    });
    await es.getByRole('link', { name: 'Negocios', exact: true }).click();
    const won = es.getByRole('region', { name: 'Won', exact: true }).getByTestId('stage-figures');
    await expect.poll(() => won.textContent()).toMatch(/^1 negocio · 1750,00\s(MXN|MX\$)$/);
    await screenshot(es, 'deals-board-es');
    expect(await findSeriousA11yViolations(es)).toEqual([]);
    await es.setViewportSize({ width: 390, height: 844 });
    await es.getByRole('button', { name: 'Mover a… (Chamarra azul)' }).waitFor();
    await screenshot(es, 'deals-board-es-390px');
    expect(await findSeriousA11yViolations(es)).toEqual([]);
    await es.setViewportSize({ width: 1280, height: 900 });
    await es.goto(`${stack.server.baseUrl}/settings/tags`);
    await es.getByRole('heading', { name: 'Etiquetas', level: 1 }).waitFor();
    await screenshot(es, 'tags-es');
    await es.goto(`${stack.server.baseUrl}/settings/quick-replies`);
    await es.getByRole('rowheader', { name: '/shipping' }).waitFor();
    await screenshot(es, 'quick-replies-es');
    expect(await findSeriousA11yViolations(es)).toEqual([]);
    await spanish.close();
    expect(pageErrors).toEqual([]);
  });
});
