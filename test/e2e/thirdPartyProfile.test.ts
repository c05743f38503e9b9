import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeProfile } from '../../src/aggregate/summarizeProfile.js';
import { DEVICE_PROFILES } from '../../src/collect/deviceProfiles.js';
import { chromeFlags } from '../../src/collect/launchChrome.js';
import { type ProfileOptions, profileInteractions } from '../../src/collect/profileInteractions.js';
import { systemChrome } from '../helpers/chrome.js';
import { startThirdPartySite, type ThirdPartySite } from '../helpers/thirdPartySite.js';

// Ground truth: a first-party click listener that calls a function of a script served by another loopback
// host name (`localhost` vs the page's `127.0.0.1`: a different registrable domain), which busy-loops
// 300 ms. Long-animation-frame data credits all of it to the first-party listener; the CPU profile must
// credit it to the third party. And a page whose own listener is slow must stay first party.
let site: ThirdPartySite;
let browser: Browser;

beforeAll(async () => {
  site = await startThirdPartySite();
  browser = await puppeteer.launch({
    executablePath: systemChrome(),
    headless: true,
    args: chromeFlags(process.getuid?.() === 0),
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const options = (): ProfileOptions => ({
  profile: DEVICE_PROFILES.desktop,
  throttle: false,
  timeoutMs: 30_000,
  request: { headers: {}, cookies: [], block: [] },
  origins: [site.origin],
});

async function profile(path: string) {
  const url = `${site.origin}${path}`;
  const result = await profileInteractions(browser, url, { interactions: [{ click: '#go' }] }, options());
  expect(result.error).toBeUndefined();
  expect(result.interactionSteps).toBe(1);
  return summarizeProfile(result);
}

describe('third-party time inside first-party handlers (CPU profile)', () => {
  it('credits a 300 ms busy loop called from a first-party listener to the third-party host', async () => {
    const slowest = (await profile('/nested'))?.slowest;
    expect(slowest?.type).toBe('pointer');
    // The interaction holds the 300 ms loop; scheduling on a loaded machine can only add to it.
    expect(slowest?.durationMs).toBeGreaterThanOrEqual(300);
    const vendor = slowest?.scripts.find((script) => script.source === site.vendorUrl);
    expect(vendor?.party).toBe('third');
    // 90 % is the bar; a sample interval (0.2 ms) at either end of the window is all that may miss.
    expect(vendor?.selfMs).toBeGreaterThanOrEqual(270);
    expect(slowest?.thirdPartyShare).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps a page whose own listener is slow first party', async () => {
    const slowest = (await profile('/own'))?.slowest;
    expect(slowest?.firstPartyMs).toBeGreaterThanOrEqual(270);
    expect(slowest?.thirdPartyShare).toBeLessThanOrEqual(0.05);
  });
});
