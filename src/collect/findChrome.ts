import { UserError } from '../errors/UserError.js';

/** Well-known Chrome and Chromium locations, in order of preference, per platform. */
export const WELL_KNOWN_CHROME_PATHS: Readonly<Record<string, readonly string[]>> = {
  linux: [
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

export interface FindChromeOptions {
  /** The `chrome-path` input, if given: it must exist. */
  explicitPath?: string;
  env: Readonly<Record<string, string | undefined>>;
  platform: string;
  /** Whether an executable file exists at the path. */
  exists: (path: string) => boolean;
}

/**
 * Finds the Chrome to drive: the explicit path, then CHROME_PATH, then well-known locations. Throws a
 * UserError that says how to install one when none is found.
 */
export function findChrome({ explicitPath, env, platform, exists }: FindChromeOptions): string {
  if (explicitPath) {
    if (exists(explicitPath)) return explicitPath;
    throw new UserError(
      `Invalid input 'chrome-path': no executable at '${explicitPath}'. Expected the path of a Chrome or Chromium binary.`,
    );
  }
  const fromEnv = env.CHROME_PATH?.trim();
  if (fromEnv) {
    if (exists(fromEnv)) return fromEnv;
    throw new UserError(
      `CHROME_PATH is '${fromEnv}' but no executable is there. Fix CHROME_PATH or unset it to use an installed Chrome.`,
    );
  }
  const candidates = WELL_KNOWN_CHROME_PATHS[platform] ?? [];
  const found = candidates.find(exists);
  if (found) return found;
  throw new UserError(
    [
      'No Chrome or Chromium found.',
      `Looked in: ${candidates.join(', ') || '(no well-known locations for this platform)'}.`,
      'Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`; GitHub-hosted runners already have Google Chrome),',
      "or point the 'chrome-path' input / --chrome-path flag / CHROME_PATH variable at the executable.",
    ].join(' '),
  );
}
