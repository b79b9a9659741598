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

/** New chat, the customer panel, the command palette, the shortcut sheet and notifications. */
describe('new chat, customer panel, keyboard and notifications', () => {
  let stack: InboxStack;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  const newChat = (): Locator => page.getByRole('dialog', { name: 'New WhatsApp chat' });
  const panel = (): Locator => page.getByRole('complementary', { name: 'Customer' });
  const toasts = (): Locator => page.getByRole('region', { name: 'Notifications' });

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startInboxStack(), launchBrowser()]);
    await stack.api.request('POST', `/channels/${stack.channels.whatsapp}/templates/sync`);
    ({ page } = await openSignedIn(browser, stack.server.baseUrl, stack.admin, {
      viewport: { width: 1280, height: 800 },
      errors: pageErrors,
    }));
    // The signed-in shell (and with it the keyboard shortcuts) is on screen.
    await page.getByRole('button', { name: 'New chat' }).waitFor();
  });

  afterJourney('new-chat', () => ({ browser, stack }));

  it('starts a WhatsApp chat from a typed number with a filled template, and shows the customer', async () => {
    await page.keyboard.press('n');
    await newChat().waitFor();
    await newChat().getByLabel('Country code').selectOption('MX');
    await newChat().getByLabel('Phone number', { exact: true }).fill('55 12');
    await newChat().getByRole('button', { name: 'Send template' }).click();
    await newChat().getByText('A phone number has 8 to 15 digits').waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    await newChat().getByLabel('Phone number', { exact: true }).fill('55 8765 4321');
    await newChat().getByLabel('Template', { exact: true }).selectOption({ label: 'bienvenida · es' });
    await newChat().getByLabel('Variable {{1}}').fill('Lucía');
    await expect.poll(() => newChat().getByRole('figure').textContent()).toContain('¡Hola Lucía!');
    await screenshot(page, 'new-chat');
    await newChat().getByRole('button', { name: 'Send template' }).click();

    await expectPath(page, stack.server.baseUrl, /^\/inbox\/.+/);
    await panel().getByText('+525587654321').first().waitFor({ timeout: LIVE_TIMEOUT });
    await panel().getByText('Ana Torres').waitFor();
    expect(await newChat().isVisible()).toBe(false);
  });

  it('starts a chat with a template whose header is a picture, asking for the picture first', async () => {
    await page.keyboard.press('n');
    await newChat().waitFor();
    await newChat().getByLabel('Country code').selectOption('MX');
    await newChat().getByLabel('Phone number', { exact: true }).fill('55 4433 2211');
    await newChat().getByLabel('Template', { exact: true }).selectOption({ label: 'order_update · en_US' });
    for (const [variable, value] of [
      ['1', 'Renata'],
      ['2', '#5120'],
      ['3', 'mañana'],
    ] as const) {
      await newChat().getByLabel(`Variable {{${variable}}}`).fill(value);
    }
    await newChat().getByRole('button', { name: 'Send template' }).click();
    await newChat().getByText('Choose the file for the template’s header.').waitFor();
    await newChat()
      .getByLabel('Header image')
      .setInputFiles({
        name: 'pedido-5120.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.from(sampleFile('jpeg').bytes),
      });
    await newChat().getByRole('button', { name: 'Send template' }).click();

    await expectPath(page, stack.server.baseUrl, /^\/inbox\/.+/);
    const sent = await stack.sandbox.sent.waitFor(
      (record) => record.operation === 'whatsapp.send' && JSON.stringify(record.payload).includes('#5120'),
      LIVE_TIMEOUT,
    );
    expect(sent.payload).toMatchObject({
      to: '+525544332211',
      template: {
        name: 'order_update',
        components: [{ type: 'header', parameters: [{ type: 'image' }] }, {}],
      },
    });
    await panel().getByText('+525544332211').first().waitFor({ timeout: LIVE_TIMEOUT });
  });

  it('resolves the open conversation from the command palette', async () => {
    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox', { name: 'Command or conversation' });
    await input.fill('resolve');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await toasts().getByText('Conversation resolved.').waitFor({ timeout: LIVE_TIMEOUT });
    await panel()
      .getByText(/Resolved · /)
      .waitFor({ timeout: LIVE_TIMEOUT });
  });

  it('lists every shortcut on ?, and single keys stay quiet while typing', async () => {
    await page.keyboard.press('Shift+?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    expect(await sheet.getByText('Open the command palette').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });

    const search = page.getByRole('searchbox').first();
    await search.focus();
    await page.keyboard.press('n');
    expect(await search.inputValue()).toBe('n');
    expect(await newChat().isVisible()).toBe(false);
    await search.fill('');
  });

  it('pops up a toast when a customer writes in', async () => {
    stack.sandbox.inbound({
      channel: 'whatsapp',
      type: 'text',
      from: '5215511110000',
      name: 'Renata Flores',
      text: '¿Hacen envíos a Puebla?',
    });
    await toasts().getByText('New message from Renata Flores').waitFor({ timeout: LIVE_TIMEOUT });
    await screenshot(page, 'new-chat-toast');
  });

  it('tells an agent when a colleague assigns a customer to them', async () => {
    const [agent] = stack.agents;
    const { context: agentContext, page: agentPage } = await openSignedIn(
      browser,
      stack.server.baseUrl,
      agent,
      {
        viewport: { width: 1280, height: 800 },
        errors: pageErrors,
      },
    );
    await agentPage.getByRole('button', { name: 'New chat' }).waitFor();

    const members = await stack.api.request<{ items: { id: string; email: string }[] }>('GET', '/members');
    const agentId = members.items.find((member) => member.email === agent.email)?.id;
    const started = await stack.api.request<{ items: { id: string }[] }>(
      'GET',
      '/conversations?tab=all&q=525587654321',
    );
    const conversationId = started.items[0]?.id;
    await stack.api.request('PUT', `/conversations/${conversationId}/assignee`, { memberId: agentId });

    await agentPage
      .getByRole('region', { name: 'Notifications' })
      .getByText(`${stack.admin.name} assigned +525587654321 to you`)
      .waitFor({ timeout: LIVE_TIMEOUT });
    await agentContext.close();
    expect(pageErrors).toEqual([]);
  });
});
