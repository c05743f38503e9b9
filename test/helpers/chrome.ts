import { accessSync, constants } from 'node:fs';
import { findChrome } from '../../src/collect/findChrome.js';

/** The machine's Chrome, found the way the product finds it (CHROME_PATH, then well-known places). */
export function systemChrome(): string {
  return findChrome({
    env: process.env,
    platform: process.platform,
    exists: (path) => {
      try {
        accessSync(path, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
  });
}
