import type { Page } from 'puppeteer-core';
import type { DeviceProfile } from './deviceProfiles.js';

/**
 * A profile's screen and user agent and, with device throttling, its CPU slowdown and throughput limits.
 * Chrome's emulated latency stays 0: it delays the body, not the headers, so it would be missing from TTFB;
 * scopeRequests holds each request for the profile's latency instead.
 */
export async function emulateDevice(page: Page, profile: DeviceProfile, throttle: boolean): Promise<void> {
  await page.setViewport(profile.viewport);
  await page.setUserAgent({ userAgent: profile.userAgent });
  if (!throttle) return;
  const { downloadBytesPerSecond, uploadBytesPerSecond } = profile.network;
  await page.emulateNetworkConditions({
    download: downloadBytesPerSecond,
    upload: uploadBytesPerSecond,
    latency: 0,
  });
  await page.emulateCPUThrottling(profile.cpuSlowdown);
}
