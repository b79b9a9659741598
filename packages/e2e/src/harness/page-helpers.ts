import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Screenshots for people to look at; git-ignored. */
export const OUTPUT_DIR = fileURLToPath(new URL('../../output/', import.meta.url));

/** Writes a full-page screenshot to the output folder as `<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  await page.screenshot({ path: `${OUTPUT_DIR}${name}.png`, fullPage: true });
}

/** Waits for the path (query string ignored) so redirects have finished before asserting. */
export async function expectPath(page: Page, baseUrl: string, path: string | RegExp): Promise<void> {
  await page.waitForURL(
    (url) =>
      url.href.startsWith(baseUrl) &&
      (typeof path === 'string' ? url.pathname === path : path.test(url.pathname)),
    { timeout: 10_000 },
  );
}

export async function expectVisible(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout: 10_000 });
}

/** Fills the English sign-in form and submits it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}
