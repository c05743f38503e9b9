import type { Browser, Page } from 'puppeteer-core';

/**
 * Pages for runs, each in its own fresh browser context (cold cache, no cookies). The next one is opened
 * while the last run's context closes, never while a page is being measured.
 */
export interface PagePool {
  /** A blank page in a fresh context: the one prepared in advance, else a new one. */
  take(): Promise<Page>;
  /** Closes the page's context and, at the same time, opens the page the next `take()` gets. */
  release(page: Page): Promise<void>;
  /** Closes the page prepared in advance, if any. */
  close(): Promise<void>;
}

async function openPage(browser: Browser): Promise<Page> {
  const context = await browser.createBrowserContext();
  try {
    return await context.newPage();
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}

const closeContext = (page: Page) => page.browserContext().close();

/** One page per take, none prepared in advance. */
export function freshPages(browser: Browser): PagePool {
  return { take: () => openPage(browser), release: closeContext, close: async () => undefined };
}

/** A pool that keeps one page ready in advance; opening it overlaps with closing the last run's context. */
export function createPagePool(browser: Browser): PagePool {
  let next: Promise<Page> | undefined;
  return {
    take: async () => {
      const ready = next;
      next = undefined;
      return (await ready?.catch(() => undefined)) ?? openPage(browser);
    },
    release: async (page) => {
      next ??= openPage(browser);
      const ready = next.catch(() => undefined);
      // Both finish before release returns: the new page is never opened while something is measured.
      await Promise.all([closeContext(page), ready]);
    },
    close: async () => {
      const ready = next;
      next = undefined;
      const page = await ready?.catch(() => undefined);
      if (page) await closeContext(page).catch(() => undefined);
    },
  };
}
