import { findSystemChrome } from '../../src/collect/findSystemChrome.js';

/** The machine's Chrome, found the way the product finds it (CHROME_PATH, then well-known places). */
export const systemChrome = (): string => findSystemChrome();
