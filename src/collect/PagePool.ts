import type { Browser, CDPSession, Page } from 'puppeteer-core';

/** A blank page in its own fresh browser context, with a CDP session of its own. */
export interface RunPage {
  page: Page;
  cdp: CDPSession;
}

/** What is done to every page before its URL is known (emulation, injected scripts). */
export type PageSetup = (page: Page, cdp: CDPSession) => Promise<void>;

/**
 * Pages for runs, each in its own fresh browser context (cold cache, no cookies). The next one is opened
 * and set up while the last run's context closes, never while a page is being measured.
 */
export interface PagePool {
  /** A page set up with `setup`: the one prepared in advance (with the same setup), else a new one. */
  take(setup: PageSetup): Promise<RunPage>;
  /** Closes the page's context and, at the same time, opens and sets up the page the next `take()` gets. */
  release(page: Page): Promise<void>;
  /** Closes the page prepared in advance, if any. */
  close(): Promise<void>;
}

async function openPage(browser: Browser, setup: PageSetup): Promise<RunPage> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const cdp = await page.createCDPSession();
    await setup(page, cdp);
    return { page, cdp };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}

const closeContext = (page: Page) => page.browserContext().close();

/** One page per take, none prepared in advance. */
export function freshPages(browser: Browser): PagePool {
  return {
    take: (setup) => openPage(browser, setup),
    release: closeContext,
    close: async () => undefined,
  };
}

/** A pool that keeps one page ready in advance; opening it overlaps with closing the last run's context. */
export function createPagePool(browser: Browser): PagePool {
  let next: { setup: PageSetup; page: Promise<RunPage> } | undefined;
  let lastSetup: PageSetup | undefined;
  const discard = async (ready: Promise<RunPage>) => {
    const prepared = await ready.catch(() => undefined);
    if (prepared) await closeContext(prepared.page).catch(() => undefined);
  };
  return {
    take: async (setup) => {
      lastSetup = setup;
      const ready = next;
      next = undefined;
      if (ready && ready.setup !== setup) await discard(ready.page);
      const prepared = ready?.setup === setup ? await ready.page.catch(() => undefined) : undefined;
      return prepared ?? openPage(browser, setup);
    },
    release: async (page) => {
      const setup = lastSetup;
      if (setup && !next) next = { setup, page: openPage(browser, setup) };
      const ready = next?.page.catch(() => undefined);
      // Both finish before release returns: the new page is never opened while something is measured.
      await Promise.all([closeContext(page), ready]);
    },
    close: async () => {
      const ready = next;
      next = undefined;
      if (ready) await discard(ready.page);
    },
  };
}
