import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPagePool, type PageSetup } from '../../src/collect/PagePool.js';
import { launchBareChrome } from '../helpers/chrome.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBareChrome();
});
afterAll(async () => {
  await browser?.close();
});

const openPages = async () => (await browser.pages()).length;
const marker =
  (name: string): PageSetup =>
  async (page) => {
    await page.evaluateOnNewDocument(`window.__setup = ${JSON.stringify(name)}`);
  };
const setupOf = (page: Page) => page.evaluate(() => (window as { __setup?: string }).__setup ?? 'none');
const visibility = (page: Page) => page.evaluate(() => document.visibilityState);

describe('the page pool with real Chrome', () => {
  it('opens the pages asked for while the last run closes, and hands them out without opening more', async () => {
    const runSetup = marker('run');
    const pool = createPagePool(browser, marker('lighthouse'));
    const before = await openPages();
    const first = await pool.take(runSetup);
    await first.page.goto('data:text/html,<p>first run');
    expect(await setupOf(first.page)).toBe('run');

    // Before the last run: its page and Lighthouse's are both open when release returns.
    await pool.release(first.page, { run: true, lighthouse: true });
    expect(await openPages()).toBe(before + 2);
    const last = await pool.take(runSetup);
    expect(await openPages()).toBe(before + 2);
    await last.page.goto('data:text/html,<p>last run');
    // The blank Lighthouse page waiting in its own context does not hide the page being measured.
    expect(await visibility(last.page)).toBe('visible');
    expect(await setupOf(last.page)).toBe('run');

    // After the last run: the Lighthouse page is there already; only the next URL's run page opens.
    await pool.release(last.page, { run: true, lighthouse: true });
    expect(await openPages()).toBe(before + 2);
    const lighthouse = await pool.takeLighthouse();
    await lighthouse.page.goto('data:text/html,<p>lighthouse');
    expect(await setupOf(lighthouse.page)).toBe('lighthouse');
    await lighthouse.page.browserContext().close();

    const next = await pool.take(runSetup);
    expect(await openPages()).toBe(before + 1);
    await pool.release(next.page, { run: false, lighthouse: false });
    expect(await openPages()).toBe(before);
    await pool.close();
  });

  it('opens a page on demand when none was prepared, and closes what was prepared but not used', async () => {
    const pool = createPagePool(browser, marker('lighthouse'));
    const before = await openPages();
    const lighthouse = await pool.takeLighthouse();
    expect(await setupOf(lighthouse.page)).toBe('none'); // about:blank runs no scripts; the set-up is registered
    await lighthouse.page.goto('data:text/html,<p>x');
    expect(await setupOf(lighthouse.page)).toBe('lighthouse');
    await pool.release(lighthouse.page, { run: false, lighthouse: true });
    expect(await openPages()).toBe(before + 1);
    await pool.close();
    expect(await openPages()).toBe(before);
  });
});
