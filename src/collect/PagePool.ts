import type { Browser, CDPSession, Page } from 'puppeteer-core';

/** A blank page in its own fresh browser context, with a CDP session of its own. */
export interface RunPage {
  page: Page;
  cdp: CDPSession;
}

/** What is done to every page before its URL is known (emulation, injected scripts). */
export type PageSetup = (page: Page, cdp: CDPSession) => Promise<void>;

/**
 * The pages the next steps need, as far as the gate knows, so that they are opened while nothing is
 * measured: a run page (the next run's), a Lighthouse page (Lighthouse's, when it follows the next run or
 * this one). A page prepared for a later step waits, blank, through the steps before it.
 */
export interface Ahead {
  run: boolean;
  lighthouse: boolean;
}

/** Without a hint, a run is followed by another run. */
export const RUN_NEXT: Ahead = { run: true, lighthouse: false };

/**
 * Pages for runs and for Lighthouse, each in its own fresh browser context (cold cache, no cookies). A
 * pool opens and sets up the pages the next steps need while the last run's context closes, never while a
 * page is being measured.
 */
export interface PagePool {
  /** A run page set up with `setup`: the one prepared in advance (with the same setup), else a new one. */
  take(setup: PageSetup): Promise<RunPage>;
  /** A page for Lighthouse (set up with the pool's Lighthouse set-up): prepared in advance, else new. */
  takeLighthouse(): Promise<RunPage>;
  /**
   * Closes the page's context and, at the same time, opens and sets up the pages `ahead` asks for (a run
   * page like the last one taken; a Lighthouse page), unless one is ready already; all finish before it
   * returns.
   */
  release(page: Page, ahead?: Ahead): Promise<void>;
  /** Closes the pages prepared in advance, if any. */
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

/** Lighthouse's pages get no set-up of their own unless the pool is given one. */
const NO_SETUP: PageSetup = async () => undefined;

/** One page per take, none prepared in advance. */
export function freshPages(browser: Browser, lighthouseSetup: PageSetup = NO_SETUP): PagePool {
  return {
    take: (setup) => openPage(browser, setup),
    takeLighthouse: () => openPage(browser, lighthouseSetup),
    release: closeContext,
    close: async () => undefined,
  };
}

interface Prepared {
  setup: PageSetup;
  page: Promise<RunPage | undefined>;
}

/**
 * A pool that keeps at most one run page and one Lighthouse page ready in advance; opening them overlaps
 * with closing the last run's context.
 */
export function createPagePool(browser: Browser, lighthouseSetup: PageSetup = NO_SETUP): PagePool {
  const ready: { run?: Prepared; lighthouse?: Prepared } = {};
  let lastSetup: PageSetup | undefined;
  const open = (setup: PageSetup): Prepared => ({
    setup,
    // A page that fails to open is opened again by the step that needs it.
    page: openPage(browser, setup).catch(() => undefined),
  });
  const discard = async (prepared: Prepared | undefined) => {
    const opened = await prepared?.page;
    if (opened) await closeContext(opened.page).catch(() => undefined);
  };
  const takeOf = async (slot: 'run' | 'lighthouse', setup: PageSetup): Promise<RunPage> => {
    const prepared = ready[slot];
    delete ready[slot];
    if (prepared && prepared.setup !== setup) await discard(prepared);
    const opened = prepared?.setup === setup ? await prepared.page : undefined;
    return opened ?? openPage(browser, setup);
  };
  const prepare = (slot: 'run' | 'lighthouse') => {
    const setup = slot === 'run' ? lastSetup : lighthouseSetup;
    if (!setup) return undefined;
    ready[slot] ??= open(setup);
    return ready[slot].page;
  };
  return {
    take: (setup) => {
      lastSetup = setup;
      return takeOf('run', setup);
    },
    takeLighthouse: () => takeOf('lighthouse', lighthouseSetup),
    release: async (page, ahead = RUN_NEXT) => {
      const opening = [
        ahead.run ? prepare('run') : undefined,
        ahead.lighthouse ? prepare('lighthouse') : undefined,
      ];
      // All finish before release returns: no page is opened while something is measured.
      await Promise.all([closeContext(page), ...opening]);
    },
    close: async () => {
      const { run, lighthouse } = ready;
      delete ready.run;
      delete ready.lighthouse;
      await Promise.all([discard(run), discard(lighthouse)]);
    },
  };
}
