import { accessSync, constants } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { findChrome } from '../collect/findChrome.js';
import { launchChrome } from '../collect/launchChrome.js';
import type { Logger } from '../log/Logger.js';
import { toolVersion } from '../toolVersion.js';
import type { GateDeps } from './runGate.js';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The real I/O: the file system, the system's Chrome, the clock. */
export function nodeGateDeps(log: Logger): GateDeps {
  return {
    log,
    readText: (path) => readFile(path, 'utf8'),
    files: {
      mkdir: async (path) => {
        await mkdir(path, { recursive: true });
      },
      writeFile: (path, content) => writeFile(path, content),
    },
    launchMeasurer: async (settings) => {
      const chromePath = findChrome({
        explicitPath: settings.chromePath,
        env: process.env,
        platform: process.platform,
        exists: isExecutable,
      });
      log.info(`Chrome: ${chromePath}`);
      return launchChrome(chromePath, settings);
    },
    now: () => new Date(),
    toolVersion: toolVersion(),
  };
}
