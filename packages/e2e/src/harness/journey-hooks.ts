import type { Browser } from 'playwright-core';
import { afterAll, afterEach } from 'vitest';
import type { InboxStack } from './inbox-stack.ts';
import { screenshot } from './page-helpers.ts';

/**
 * The hooks every journey needs, registered in its `describe`: when a test fails, a screenshot
 * of each page still open (named after the test); at the end, the browser and the stack closed.
 */
export function afterJourney(prefix: string, parts: () => { browser?: Browser; stack?: InboxStack }): void {
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    const pages = (parts().browser?.contexts() ?? []).flatMap((context) => context.pages());
    for (const [index, open] of pages.filter((each) => !each.isClosed()).entries()) {
      await screenshot(open, `failed-${prefix}-${task.name.replace(/\W+/g, '-').slice(0, 40)}-${index}`);
    }
  });
  afterAll(async () => {
    const { browser, stack } = parts();
    await browser?.close();
    await stack?.stop();
  });
}
