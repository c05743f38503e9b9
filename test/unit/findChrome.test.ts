import { describe, expect, it } from 'vitest';
import { findChrome } from '../../src/collect/findChrome.js';

const present =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe('findChrome', () => {
  it('prefers the explicit path, then CHROME_PATH, then well-known locations', () => {
    const exists = present('/custom/chrome', '/env/chrome', '/usr/bin/chromium', '/usr/bin/google-chrome');
    expect(
      findChrome({
        explicitPath: '/custom/chrome',
        env: { CHROME_PATH: '/env/chrome' },
        platform: 'linux',
        exists,
      }),
    ).toBe('/custom/chrome');
    expect(findChrome({ env: { CHROME_PATH: '/env/chrome' }, platform: 'linux', exists })).toBe(
      '/env/chrome',
    );
    expect(findChrome({ env: {}, platform: 'linux', exists })).toBe('/usr/bin/google-chrome');
    expect(findChrome({ env: {}, platform: 'linux', exists: present('/usr/bin/chromium') })).toBe(
      '/usr/bin/chromium',
    );
  });

  it('fails clearly for a wrong explicit path or CHROME_PATH', () => {
    expect(() =>
      findChrome({ explicitPath: '/nope', env: {}, platform: 'linux', exists: present() }),
    ).toThrow("Invalid input 'chrome-path': no executable at '/nope'.");
    expect(() => findChrome({ env: { CHROME_PATH: '/nope' }, platform: 'linux', exists: present() })).toThrow(
      "CHROME_PATH is '/nope' but no executable is there.",
    );
  });

  it('says how to install Chrome when none is found', () => {
    expect(() => findChrome({ env: {}, platform: 'linux', exists: present() })).toThrow(
      /No Chrome or Chromium found\. Looked in: .*\/usr\/bin\/chromium.*apt-get install -y chromium/,
    );
  });
});
