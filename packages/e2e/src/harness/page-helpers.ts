import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

/** Screenshots for people to look at; git-ignored. */
export const OUTPUT_DIR = fileURLToPath(new URL('../../output/', import.meta.url));

/** Writes a full-page screenshot to the output folder as `<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  await page.screenshot({ path: `${OUTPUT_DIR}${name}.png`, fullPage: true });
}

/**
 * A screenshot tall enough to show the whole of an element that scrolls on its own (the customer
 * panel): the viewport grows to the element's full height for the shot, then goes back.
 */
export async function screenshotScrolled(page: Page, scroller: Locator, name: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  const height = await scroller.evaluate(
    (element) => element.scrollHeight + element.getBoundingClientRect().top,
  );
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.ceil(height)) });
  await screenshot(page, name);
  await page.setViewportSize(viewport);
}

/** An instant as the wall-clock time of a zone, `YYYY-MM-DDTHH:mm`, as a person types it into a date-time input. */
export function wallClock(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(instant)
    .replace(' ', 'T');
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

/** The sign-in form's labels in each UI language. */
const SIGN_IN_LABELS = {
  en: { email: 'E-mail', password: 'Password', submit: 'Sign in' },
  es: { email: 'Correo', password: 'Contraseña', submit: 'Iniciar sesión' },
} as const;

/** Fills the sign-in form, as it reads in the page's language (English unless told), and submits it. */
export async function signIn(
  page: Page,
  email: string,
  password: string,
  language: keyof typeof SIGN_IN_LABELS = 'en',
): Promise<void> {
  const labels = SIGN_IN_LABELS[language];
  await page.getByLabel(labels.email, { exact: true }).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
}

/** Where a member lands after signing in: the inbox, maybe with a conversation open. */
export const SIGNED_IN_PATH = /^\/(inbox(\/.*)?)?$/;

type SignedInOptions = {
  viewport?: { width: number; height: number };
  /** The browser's language; an `es-…` one signs in through the Spanish form. */
  locale?: string;
  acceptDownloads?: boolean;
  /** Collects the page's uncaught errors, for a journey to assert there were none. */
  errors: string[];
};

/** A fresh browser context and page, signed in as the account and in the inbox. */
export async function openSignedIn(
  browser: Browser,
  baseUrl: string,
  account: { email: string; password: string },
  { viewport = { width: 1280, height: 900 }, locale = 'en-US', acceptDownloads, errors }: SignedInOptions,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport,
    locale,
    ...(acceptDownloads ? { acceptDownloads } : {}),
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}/login`);
  await signIn(page, account.email, account.password, locale.startsWith('es') ? 'es' : 'en');
  await expectPath(page, baseUrl, SIGNED_IN_PATH);
  return { context, page };
}
