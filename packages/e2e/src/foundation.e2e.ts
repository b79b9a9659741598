import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  expectPath,
  expectVisible,
  findSeriousA11yViolations,
  launchBrowser,
  type RunningServer,
  screenshot,
  signIn,
  startServer,
} from './harness/index.ts';

const ADMIN = {
  workspaceName: 'Tienda Aurora',
  name: 'Ana Pérez',
  email: 'ana@aurora.example',
  password: 'correct horse battery',
};
const AGENT = { name: 'Luis Gómez', email: 'luis@aurora.example', password: 'agent password 1' };

async function openUserMenu(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Account menu|Menú de la cuenta)/ }).click();
}

async function signOut(page: Page, server: RunningServer): Promise<void> {
  await openUserMenu(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expectPath(page, server.baseUrl, '/login');
}

describe('foundation journey: first run, sign-in, languages, members, API keys', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  // A picture of the page at the moment a step failed says more than the assertion alone.
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !page || page.isClosed()) return;
    await screenshot(page, `failed-${task.name.replace(/\W+/g, '-').slice(0, 60)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends a fresh install to the setup page', async () => {
    await page.goto(`${server.baseUrl}/`);
    await expectPath(page, server.baseUrl, '/setup');
    await page.getByRole('heading', { name: 'Set up Charla' }).waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'setup');
  });

  it('checks the password length before sending the form', async () => {
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await expectVisible(page, 'Use at least 10 characters.');
    await expectVisible(page, 'Fill in this field.');
  });

  it('creates the workspace and lands in the inbox shell', async () => {
    await page.getByLabel('Workspace name').fill(ADMIN.workspaceName);
    await page.getByLabel('Your name').fill(ADMIN.name);
    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await expectPath(page, server.baseUrl, '/');

    await expectVisible(page, ADMIN.workspaceName);
    const rail = page.getByRole('navigation', { name: 'Channels' });
    await rail.getByText('All channels').waitFor();
    await rail.getByText(/appear here once they are connected/).waitFor();
    await rail.getByText('Comments').waitFor();

    const list = page.getByRole('region', { name: 'Conversations' });
    await list.getByRole('button', { name: 'Mine' }).waitFor();
    await list.getByRole('button', { name: 'Unassigned' }).waitFor();
    await list.getByRole('searchbox', { name: 'Search conversations' }).waitFor();
    await list.getByRole('tab', { name: 'To resolve' }).waitFor();
    await list.getByRole('tab', { name: 'Resolved' }).waitFor();
    await list.getByText('Conversations will appear here when customers write in').waitFor();

    const chat = page.getByRole('region', { name: 'Conversation', exact: true });
    await chat.getByText('Select a conversation').waitFor();

    const panel = page.getByRole('complementary', { name: 'Customer' });
    await panel.getByText(/profile, tags, notes, deals and orders will show here/).waitFor();

    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'inbox-en');
  });

  it('collapses the customer panel and sets availability from the user menu', async () => {
    await page.getByRole('button', { name: 'Hide customer panel' }).click();
    await page.getByRole('complementary', { name: 'Customer' }).waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Show customer panel' }).click();
    await page.getByRole('complementary', { name: 'Customer' }).waitFor();

    await openUserMenu(page);
    await expectVisible(page, 'Admin');
    await screenshot(page, 'user-menu');
    await page.getByRole('button', { name: 'Away' }).click();
    await page.locator('button[aria-pressed="true"]', { hasText: 'Away' }).waitFor();
    await page.getByRole('button', { name: 'Available' }).click();
    await page.locator('button[aria-pressed="true"]', { hasText: 'Available' }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('signs out and back in with the same credentials', async () => {
    await signOut(page, server);
    await page.goto(`${server.baseUrl}/settings/members`);
    await expectPath(page, server.baseUrl, '/login');
    await signIn(page, ADMIN.email, ADMIN.password);
    // Signing in returns to the page that asked for it.
    await expectPath(page, server.baseUrl, '/settings/members');
    await page.getByRole('link', { name: 'Back to inbox' }).click();
    await expectPath(page, server.baseUrl, '/');
  });

  it('shows the catalog message for a wrong password, next to an accessible form', async () => {
    await signOut(page, server);
    await signIn(page, ADMIN.email, 'not the password');
    await page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password.' }).waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-error');
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expectPath(page, server.baseUrl, '/');
  });

  it('switches to Spanish and remembers it', async () => {
    await openUserMenu(page);
    await page.getByRole('button', { name: 'Español' }).click();
    await page.keyboard.press('Escape');
    await expectVisible(page, 'Selecciona una conversación');
    await expectVisible(page, 'Aún no hay conversaciones');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await screenshot(page, 'inbox-es');

    await page.reload();
    await expectVisible(page, 'Selecciona una conversación');
    await openUserMenu(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.keyboard.press('Escape');
    await expectVisible(page, 'Select a conversation');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('shows one column at a time on a phone', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${server.baseUrl}/`);
    await phone.getByText('Conversations will appear here when customers write in').waitFor();
    expect(await phone.getByText('Select a conversation').isVisible()).toBe(false);
    await screenshot(phone, 'inbox-phone');

    const panes = phone.getByRole('navigation', { name: 'Inbox sections' });
    await panes.getByRole('button', { name: 'Conversation', exact: true }).click();
    await phone.getByText('Select a conversation').waitFor();
    await panes.getByRole('button', { name: 'Customer' }).click();
    await phone.getByText(/profile, tags, notes, deals and orders will show here/).waitFor();
    expect(await findSeriousA11yViolations(phone)).toEqual([]);
    await phone.close();
  });

  it('lets the admin add an agent in settings', async () => {
    await openUserMenu(page);
    await page.getByRole('link', { name: 'Settings' }).click();
    await expectPath(page, server.baseUrl, '/settings/members');
    const members = page.getByRole('table', { name: 'Members of the workspace' });
    await members.getByText(ADMIN.email).waitFor();

    const form = page.getByRole('region', { name: 'Add a member' });
    await form.getByLabel('Name').fill(AGENT.name);
    await form.getByLabel('E-mail').fill(AGENT.email);
    await form.getByLabel('Password', { exact: true }).fill(AGENT.password);
    expect(await form.getByLabel('Role').inputValue()).toBe('agent');
    await form.getByRole('button', { name: 'Add member' }).click();

    await page
      .getByRole('status')
      .filter({ hasText: `${AGENT.name} was added.` })
      .waitFor();
    await members.getByText(AGENT.email).waitFor();
    expect(await members.getByLabel(`Role for ${AGENT.name}`).inputValue()).toBe('agent');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'settings');
  });

  it('keeps settings usable on a phone', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${server.baseUrl}/settings/members`);
    await phone.getByRole('table', { name: 'Members of the workspace' }).getByText(AGENT.email).waitFor();
    expect(await findSeriousA11yViolations(phone)).toEqual([]);
    await screenshot(phone, 'settings-phone');
    await phone.close();
  });

  it('refuses a second member with the same e-mail, by the e-mail field', async () => {
    const form = page.getByRole('region', { name: 'Add a member' });
    await form.getByLabel('Name').fill('Someone Else');
    await form.getByLabel('E-mail').fill(AGENT.email);
    await form.getByLabel('Password', { exact: true }).fill(AGENT.password);
    await form.getByRole('button', { name: 'Add member' }).click();
    await form.getByText('A member with this e-mail already exists.').waitFor();
  });

  it('creates an API key, shows its secret once, and revokes it', async () => {
    await page.getByRole('link', { name: 'API keys' }).click();
    await expectPath(page, server.baseUrl, '/settings/api-keys');
    await page.getByLabel('Key name').fill('Shop backend');
    await page.getByRole('button', { name: 'Create key' }).click();
    await expectVisible(page, /it will not be shown again/);
    const secret = await page.getByLabel('API key', { exact: true }).inputValue();
    expect(secret.length).toBeGreaterThan(16);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'settings-api-keys');

    await page.getByRole('button', { name: 'I have saved it' }).click();
    expect(await page.getByText(secret).count()).toBe(0);
    await page.getByRole('button', { name: 'Revoke Shop backend' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke “Shop backend”?' });
    await dialog.getByRole('button', { name: 'Revoke key' }).click();
    await page.getByRole('status').filter({ hasText: 'Shop backend was revoked.' }).waitFor();
    await page
      .getByRole('table', { name: 'API keys of the workspace' })
      .getByText(/^Revoked /)
      .waitFor();
  });

  it('tells an agent that settings are for admins', async () => {
    await signOut(page, server);
    await signIn(page, AGENT.email, AGENT.password);
    await expectPath(page, server.baseUrl, '/');
    await openUserMenu(page);
    expect(await page.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.goto(`${server.baseUrl}/settings/members`);
    await expectVisible(page, 'Only admins can open settings');
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
