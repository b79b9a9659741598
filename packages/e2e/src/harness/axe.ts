import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    /** Set by the injected axe-core script. */
    axe?: typeof import('axe-core');
  }
}

const require = createRequire(import.meta.url);

/** axe-core's browser build, injected into pages as a script. */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Impacts that fail the suite; minor and moderate findings are reported by axe but tolerated. */
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/** One line per failing node: "color-contrast (serious) at .button: Elements must …". */
export function describeViolations(violations: readonly Result[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${violation.help}`,
    ),
  );
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now and returns the serious
 * and critical violations as readable lines; an empty list means the page passes.
 */
export async function findSeriousA11yViolations(page: Page): Promise<string[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(async (): Promise<AxeResults> => {
    if (!window.axe) throw new Error('axe-core did not load');
    return window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
  });
  return describeViolations(
    results.violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? '')),
  );
}
