import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  expectPath,
  findSeriousA11yViolations,
  type InboxStack,
  launchBrowser,
  screenshot,
  signIn,
  startInboxStack,
} from './harness/index.ts';

const LIVE_TIMEOUT = 15_000;

/** The agent journeys of the inbox against the real server and the Meta sandbox. */
describe('inbox journeys: live arrival, reply and ticks, reassignment, resolve, window, files, notes, search', () => {
  let stack: InboxStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: Page;
  const pageErrors: string[] = [];

  async function openAs(email: string, password: string, locale = 'en-US'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${stack.server.baseUrl}/login`);
    await signIn(page, email, password);
    await expectPath(page, stack.server.baseUrl, /^\/(inbox)?/);
    return page;
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

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    for (const context of contexts)
      for (const page of context.pages())
        if (!page.isClosed())
          await screenshot(page, `failed-inbox-${task.name.replace(/\W+/g, '-').slice(0, 50)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

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
});
