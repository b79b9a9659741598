import type { Browser, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  afterJourney,
  findSeriousA11yViolations,
  type InboxStack,
  launchBrowser,
  openSignedIn,
  screenshot,
  startInboxStack,
} from './harness/index.ts';

const LIVE_TIMEOUT = 15_000;

/** The same person on WhatsApp and Instagram becomes one customer from the panel. */
describe('merging two customers from the panel', () => {
  let stack: InboxStack;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  const panel = (target: Page = page): Locator =>
    target.getByRole('complementary', { name: /^(Customer|Cliente)$/ });
  const rows = (target: Page): Locator =>
    target.getByRole('region', { name: /^(Conversations|Conversaciones)$/ }).getByRole('link');
  const channelsOf = (target: Page, title: RegExp): Locator =>
    panel(target)
      .locator('details')
      .filter({ has: target.getByRole('heading', { name: title }) });

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
      name: 'Valentina Ríos',
      text: 'Hola, ¿tienen la chamarra azul en talla M?',
    });
    stack.sandbox.inbound({
      channel: 'instagram',
      type: 'text',
      name: 'vale.rios',
      text: 'Vi la chamarra en su reel 😍',
    });
    await rows(page).filter({ hasText: 'Valentina Ríos' }).waitFor({ timeout: LIVE_TIMEOUT });
    await rows(page).filter({ hasText: 'vale.rios' }).first().waitFor({ timeout: LIVE_TIMEOUT });
  });

  afterJourney('merge', () => ({ browser, stack }));

  it('finds the Instagram record, says what moves, merges it and shows both channels and the activity line', async () => {
    await rows(page).filter({ hasText: 'vale.rios' }).first().click();
    await panel().getByLabel('New note').fill('Vio la chamarra azul en el reel.');
    await panel().getByRole('button', { name: 'Add note' }).click();
    await panel().getByRole('listitem').filter({ hasText: 'Vio la chamarra azul en el reel.' }).waitFor();

    await rows(page).filter({ hasText: 'Valentina Ríos' }).click();
    await panel().getByText('Valentina Ríos', { exact: true }).first().waitFor();
    await panel().getByRole('button', { name: 'Merge with another customer…' }).click();
    const search = page.getByRole('dialog', { name: 'Merge Valentina Ríos with another customer' });
    await search.getByRole('searchbox', { name: 'Customer' }).fill('vale');
    await search.getByRole('button', { name: 'Merge vale.rios into this customer' }).click();

    const confirm = page.getByRole('dialog', { name: 'Merge vale.rios into Valentina Ríos?' });
    await confirm.getByText('channels (Instagram)', { exact: false }).waitFor();
    await screenshot(page, 'merge-01-confirm');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Merge customers' }).click();
    await confirm.waitFor({ state: 'hidden' });

    await panel().getByRole('status').getByText('vale.rios was merged into this customer.').waitFor();
    const channels = channelsOf(page, /^Channels$/);
    await channels.getByText('WhatsApp', { exact: false }).first().waitFor();
    await channels.getByText('Instagram', { exact: false }).first().waitFor();
    await panel().getByText('Vio la chamarra azul en el reel.').waitFor();
    await panel().getByRole('heading', { name: 'Conversations (2)' }).first().waitFor();
    await page.getByText(`${stack.admin.name} merged vale.rios into this customer`).first().waitFor();
    await rows(page).filter({ hasText: 'vale.rios' }).waitFor({ state: 'detached', timeout: LIVE_TIMEOUT });
    expect(await rows(page).filter({ hasText: 'Valentina Ríos' }).count()).toBe(2);

    const conversationId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    const { customer } = await stack.api.request<{ customer: { id: string } }>(
      'GET',
      `/conversations/${conversationId}`,
    );
    const profile = await stack.api.request<{
      customer: { identities: { channelType: string }[] };
      conversations: unknown[];
    }>('GET', `/customers/${customer.id}`);
    expect(profile.customer.identities.map((identity) => identity.channelType).sort()).toEqual([
      'instagram',
      'whatsapp',
    ]);
    expect(profile.conversations).toHaveLength(2);
    await channels.scrollIntoViewIfNeeded();
    await screenshot(page, 'merge-02-merged-en');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('shows the merged record and the activity line in Spanish', async () => {
    const { context: spanish, page: es } = await openSignedIn(browser, stack.server.baseUrl, stack.admin, {
      locale: 'es-ES',
      errors: pageErrors,
    });
    await rows(es).filter({ hasText: 'Valentina Ríos' }).first().click();
    const channels = channelsOf(es, /^Canales$/);
    await channels.getByText('Instagram', { exact: false }).first().waitFor();
    await channels.getByText('WhatsApp', { exact: false }).first().waitFor();
    await es.getByText(`${stack.admin.name} unió a vale.rios con este cliente`).first().waitFor();
    await panel(es).getByRole('button', { name: 'Unir con otro cliente…' }).waitFor();
    await channels.scrollIntoViewIfNeeded();
    await screenshot(es, 'merge-03-merged-es');
    expect(await findSeriousA11yViolations(es)).toEqual([]);
    await spanish.close();
    expect(pageErrors).toEqual([]);
  });
});
