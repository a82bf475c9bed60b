import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findChromium } from '../scripts/card-pictures/chromium';
import { buildPages } from '../scripts/pages/buildPages';

let built: Promise<string> | undefined;

/** The tab pages built once per test process into a temporary folder (the bot serves them from there). */
export function builtPages(): Promise<string> {
  built ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meeting-actions-pages-'));
    await buildPages(dir);
    return dir;
  })();
  return built;
}

/**
 * Debian's Chromium driven by puppeteer-core (no browser download: none can be fetched here).
 * Fails saying how to install it when it is missing; never skips.
 */
export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=en-GB', '--disable-background-networking', '--no-first-run'],
  });
}

/** Signs in on the `?dev=1` page as `name`, as a developer would: show the chat's members, pick one, sign in. */
export async function devSignIn(page: Page, name: string): Promise<void> {
  await page.locator('::-p-text(Show its members)').click();
  await page.locator(`::-p-aria(${name}[role="radio"])`).click();
  await page.locator('::-p-aria(Sign in[role="button"])').click();
}

/** The visible text of the page, for asserting what a person sees. */
export function pageText(page: Page): Promise<string> {
  return page.evaluate('document.body.innerText') as Promise<string>;
}

/** Accessibility violations of impact "serious" or "critical" on the page, by axe-core (WCAG 2 A and AA rules). */
export async function seriousAccessibilityProblems(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy rightly refuses injected script tags.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  // Fluent UI's focus manager (tabster) puts aria-hidden focus sentinels at the edges of a group,
  // which hand focus straight on to the group: axe flags them, but no one can land on them.
  const found = (await page.evaluate(`axe.run({ exclude: [['[data-tabster-dummy]']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`)) as {
    violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
  };
  return found.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
}
