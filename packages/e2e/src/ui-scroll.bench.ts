/**
 * How the inbox behaves in Chromium with a big workspace (npm run bench -- --only ui, or
 * `node --import tsx packages/e2e/src/ui-scroll.bench.ts`): 100,000 conversations in the list and a
 * 20,000-message thread, scrolled the way a person flicks through them. Reports frame times
 * (requestAnimationFrame intervals while scrolling), long frames, and how long each step took.
 * Reports; never asserts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { percentiles } from '../../../bench/bench-stats.ts';
import { openDatabase } from '../../server/src/db/client.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import { SQLITE_FILE_NAME } from '../../server/src/db/open-from-config.ts';
import { seedInbox } from '../../server/src/seed/seed-inbox.ts';
import { launchBrowser, signIn, startServer } from './harness/index.ts';

interface ScrollRun {
  frames: number[];
  /** Pages of 50 fetched from the API while scrolling. */
  pages: number;
  elapsedMs: number;
}

/** Scrolls `selector`'s scroller by `step` px per animation frame, `steps` times, and times each frame. */
async function scrollByFrames(
  page: Page,
  selector: string,
  step: number,
  steps: number,
  pageRequest: RegExp,
): Promise<ScrollRun> {
  let pages = 0;
  const count = (request: { url(): string }) => {
    if (pageRequest.test(request.url())) pages += 1;
  };
  page.on('request', count);
  const run = await page.evaluate(
    async ({ selector, step, steps }) => {
      const start = document.querySelector(selector);
      if (!start) throw new Error(`nothing matches ${selector}`);
      let scroller: Element | null = start;
      while (
        scroller &&
        !(
          scroller.scrollHeight > scroller.clientHeight + 1 &&
          /auto|scroll/.test(getComputedStyle(scroller).overflowY)
        )
      )
        scroller = scroller.parentElement;
      if (!scroller) throw new Error(`no scrollable ancestor of ${selector}`);
      const frames: number[] = [];
      const began = performance.now();
      let last = began;
      for (let index = 0; index < steps; index += 1) {
        scroller.scrollTop += step;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const now = performance.now();
        frames.push(now - last);
        last = now;
      }
      // Let the pages requested by the last frames arrive.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return { frames, elapsedMs: performance.now() - began };
    },
    { selector, step, steps },
  );
  page.off('request', count);
  return { ...run, pages };
}

const LIST_PAGE = /\/api\/v1\/conversations\?.*cursor=/;
const THREAD_PAGE = /\/api\/v1\/conversations\/[^/?]+\/messages\?.*(before|cursor)=/;

function summarise(name: string, run: ScrollRun): string {
  const { p50, p95, p99 } = percentiles(run.frames);
  const long = run.frames.filter((frame) => frame > 50).length;
  const max = Math.max(...run.frames);
  return [
    name.padEnd(46),
    `${run.frames.length}`.padStart(6),
    p50.toFixed(1).padStart(7),
    p95.toFixed(1).padStart(7),
    p99.toFixed(1).padStart(7),
    max.toFixed(0).padStart(6),
    `${long}`.padStart(5),
    `${run.pages}`.padStart(6),
  ].join(' | ');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '100000' },
      messages: { type: 'string', default: '300000' },
    },
  });
  const customers = Number(values.customers);
  const messages = Number(values.messages);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'charla-ui-bench-'));
  try {
    const db = openDatabase({ engine: 'sqlite', file: path.join(dataDir, SQLITE_FILE_NAME) });
    await migrateToLatest(db);
    const seeded = await seedInbox(db, { customers, messages, seed: 2026 });
    await db.close();
    if (!seeded.createdAdmin || !seeded.longestThread) throw new Error('the seed made no admin or no thread');
    process.stdout.write(
      `seeded ${seeded.conversations} conversations, ${seeded.messages} messages (longest thread ${seeded.longestThread.messages}) in ${(seeded.elapsedMs / 1000).toFixed(0)} s\n`,
    );

    const server = await startServer({ DATA_DIR: dataDir });
    const browser = await launchBrowser();
    try {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await page.goto(`${server.baseUrl}/login`);
      await signIn(page, seeded.createdAdmin.email, seeded.createdAdmin.password);
      const listShown = Date.now();
      await page
        .getByRole('region', { name: 'Conversations' })
        .getByRole('link')
        .first()
        .waitFor({ timeout: 30_000 });
      const listFirstPaintMs = Date.now() - listShown;
      await page.getByRole('tab', { name: /^All/ }).click();
      await page.getByRole('region', { name: 'Conversations' }).getByRole('link').first().waitFor();

      const rows = [
        'run'.padEnd(46),
        'frames'.padStart(6),
        'p50ms'.padStart(7),
        'p95ms'.padStart(7),
        'p99ms'.padStart(7),
        'maxms'.padStart(6),
        '>50ms'.padStart(5),
        'pages'.padStart(6),
      ].join(' | ');
      const lines = [rows];
      const listSelector = '[aria-label="Conversations"] [aria-posinset]';
      lines.push(
        summarise(
          'list: 300 frames × 120 px down (all tab)',
          await scrollByFrames(page, listSelector, 120, 300, LIST_PAGE),
        ),
      );
      lines.push(
        summarise(
          'list: 300 frames × 600 px down (flick)',
          await scrollByFrames(page, listSelector, 600, 300, LIST_PAGE),
        ),
      );

      const threadShown = Date.now();
      await page.goto(`${server.baseUrl}/inbox/${seeded.longestThread.conversationId}`);
      await page.getByRole('log').locator('[data-index]').first().waitFor({ timeout: 30_000 });
      const threadFirstPaintMs = Date.now() - threadShown;
      const threadSelector = '[role="log"] [data-index]';
      lines.push(
        summarise(
          'thread (20k): 600 frames × 150 px up',
          await scrollByFrames(page, threadSelector, -150, 600, THREAD_PAGE),
        ),
      );
      lines.push(
        summarise(
          'thread (20k): 600 frames × 600 px up (flick)',
          await scrollByFrames(page, threadSelector, -600, 600, THREAD_PAGE),
        ),
      );
      const memory = await page.evaluate(
        () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
      );

      process.stdout.write(`${lines.join('\n')}\n`);
      process.stdout.write(
        `list first rows after sign-in: ${listFirstPaintMs} ms; thread first messages: ${threadFirstPaintMs} ms (full page load); JS heap ${(memory / 1024 / 1024).toFixed(0)} MB\n`,
      );
    } finally {
      await browser.close();
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
