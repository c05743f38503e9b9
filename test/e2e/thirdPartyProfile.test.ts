import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeProfile } from '../../src/aggregate/summarizeProfile.js';
import { launchChrome } from '../../src/collect/launchChrome.js';
import type { Measurer } from '../../src/collect/Measurer.js';
import { systemChrome } from '../helpers/chrome.js';
import { startThirdPartySite, type ThirdPartySite } from '../helpers/thirdPartySite.js';

// Ground truth: a first-party click listener that calls a function of a script served by another loopback
// host name (`localhost` vs the page's `127.0.0.1`: a different registrable domain), which busy-loops
// 300 ms. Long-animation-frame data credits all of it to the first-party listener; the CPU profile must
// credit it to the third party. And a page whose own listener is slow must stay first party. Profiled
// through the measurer the gate uses, on desktop unthrottled and on the default mobile profile (throttled).
let site: ThirdPartySite;
const measurers: Partial<Record<'desktop' | 'mobile', Measurer>> = {};

beforeAll(async () => {
  site = await startThirdPartySite();
});

afterAll(async () => {
  for (const measurer of Object.values(measurers)) await measurer?.close();
  await site?.close();
});

async function profile(path: string, device: 'desktop' | 'mobile' = 'desktop') {
  measurers[device] ??= await launchChrome(systemChrome(), {
    device,
    throttling: device === 'mobile' ? 'device' : 'none',
    timeoutMs: 30_000,
    urls: [site.origin],
    request: { headers: {}, cookies: [], block: [] },
  });
  const url = `${site.origin}${path}`;
  const result = await measurers[device]?.profileInteractions?.(url, { interactions: [{ click: '#go' }] });
  expect(result?.error).toBeUndefined();
  expect(result?.interactionSteps).toBe(1);
  return summarizeProfile(result)?.slowest;
}

describe('third-party time inside first-party handlers (CPU profile)', () => {
  it.each(['desktop', 'mobile'] as const)(
    'credits a 300 ms busy loop called from a first-party listener to the third-party host (%s)',
    async (device) => {
      const slowest = await profile('/nested', device);
      expect(slowest?.type).toBe('pointer');
      // The interaction holds the 300 ms loop; scheduling on a loaded machine can only add to it.
      expect(slowest?.durationMs).toBeGreaterThanOrEqual(300);
      const vendor = slowest?.scripts.find((script) => script.source === site.vendorUrl);
      expect(vendor?.party).toBe('third');
      // 90 % is the bar; the profiler's sampling (0.2 ms) at the window's edges is all that may miss.
      expect(vendor?.selfMs).toBeGreaterThanOrEqual(270);
      expect(slowest?.thirdPartyShare).toBeGreaterThanOrEqual(0.9);
    },
  );

  it('keeps a page whose own listener is slow first party', async () => {
    const slowest = await profile('/own');
    expect(slowest?.firstPartyMs).toBeGreaterThanOrEqual(270);
    expect(slowest?.thirdPartyShare).toBeLessThanOrEqual(0.05);
  });
});
