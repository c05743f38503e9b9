import { accessSync, constants } from 'node:fs';
import { findChrome } from './findChrome.js';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `findChrome` on this machine: its environment, platform and file system. */
export function findSystemChrome(explicitPath?: string): string {
  return findChrome({
    ...(explicitPath ? { explicitPath } : {}),
    env: process.env,
    platform: process.platform,
    exists: isExecutable,
  });
}
