import { mkdir, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { findSystemChrome } from '../collect/findSystemChrome.js';
import { launchChrome } from '../collect/launchChrome.js';
import { fetchProbe } from '../collect/waitForPreview.js';
import type { Logger } from '../log/Logger.js';
import { toolVersion } from '../toolVersion.js';
import { readRegularFile } from './readRegularFile.js';
import type { GateDeps } from './runGate.js';

/** The real I/O: the file system, the system's Chrome, the clock. */
export function nodeGateDeps(log: Logger): GateDeps {
  return {
    log,
    readText: readRegularFile,
    files: {
      mkdir: async (path) => {
        await mkdir(path, { recursive: true });
      },
      writeFile: (path, content) => writeFile(path, content),
    },
    launchMeasurer: async (settings, signal) => {
      const chromePath = findSystemChrome(settings.chromePath);
      log.info(`Chrome: ${chromePath}`);
      return launchChrome(chromePath, settings, signal);
    },
    now: () => new Date(),
    probe: fetchProbe,
    sleep: (ms) => sleep(ms),
    fetch: (url, init) => fetch(url, init),
    toolVersion: toolVersion(),
  };
}
