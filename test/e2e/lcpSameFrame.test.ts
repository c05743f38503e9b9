import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_PROFILES } from '../../src/collect/deviceProfiles.js';
import { inPageScript } from '../../src/collect/inPageScript.js';
import { measureRun } from '../../src/collect/measureRun.js';
import { webVitalsSource } from '../../src/collect/webVitalsSource.js';
import { launchBareChrome } from '../helpers/chrome.js';
import { type GroundTruthSite, startGroundTruthSite } from '../helpers/groundTruthSite.js';

// Under CPU contention Chrome was seen to record the image LCP candidate with the same startTime as the
// heading painted before it. That cannot be produced on demand, so this replays it around a real load: the
// page's PerformanceObserver (installed before vitals-gate's script, which therefore sees it as Chrome's)
// hands out Chrome's real entries, with every later LCP entry given the first one's startTime and
// renderTime: a plain copy of each field, element and url included, the shape web-vitals reads.
const SAME_FRAME = `(function () {
  var Native = self.PerformanceObserver;
  function Replay(callback) {
    var first = null;
    var replay = this;
    function shape(entries) {
      return Array.prototype.map.call(entries, function (entry) {
        if (entry.entryType !== 'largest-contentful-paint') return entry;
        if (first === null) { first = entry.startTime; return entry; }
        var copy = {};
        for (var key in entry) if (typeof entry[key] !== 'function') copy[key] = entry[key];
        copy.startTime = first;
        copy.renderTime = first;
        copy.toJSON = function () { return copy; };
        return copy;
      });
    }
    var observer = new Native(function (list) {
      var entries = shape(list.getEntries());
      callback({ getEntries: function () { return entries; } }, replay);
    });
    this.observe = function (options) { observer.observe(options); };
    this.disconnect = function () { observer.disconnect(); };
    this.takeRecords = function () { return shape(observer.takeRecords()); };
  }
  Replay.supportedEntryTypes = Native.supportedEntryTypes;
  self.PerformanceObserver = Replay;
})();`;

let site: GroundTruthSite;
let browser: Browser;

beforeAll(async () => {
  site = await startGroundTruthSite();
  browser = await launchBareChrome();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const measure = (script: string) =>
  measureRun(browser, `${site.origin}/page?lcp=image&image=300`, 0, {
    profile: DEVICE_PROFILES.desktop,
    throttle: false,
    timeoutMs: 30_000,
    script: `${SAME_FRAME}\n${script}`,
    request: { headers: {}, cookies: [], block: [] },
    origins: [site.origin],
    // As in production: a load whose record misses the painted image altogether (its decode can outlast
    // the settle window and the check's two frames on a loaded machine) is loaded once more.
    retryLcpAnomaly: true,
  });

describe('an image LCP candidate recorded in the same frame as the heading before it', () => {
  it('is reported: the run names the image, 0.01 ms after the heading', async () => {
    const { run } = await measure(inPageScript(webVitalsSource()));
    expect(run.error).toBeUndefined();
    expect(run.lcp?.attribution.target).toBe('#hero');
    expect(run.lcp?.attribution.url).toBe(`${site.origin}/hero.png?delay=300`);
  });

  it('without the hand-on, the run fails instead of naming the heading', async () => {
    const script = inPageScript(webVitalsSource());
    const withoutFix = script.replace('entry.size > lcp.size', 'false');
    expect(withoutFix).not.toBe(script);
    const { run } = await measure(withoutFix);
    expect(run.lcp).toBeUndefined();
    expect(run.error).toMatch(/last LCP candidate \(\d+ ms\) was not reported by web-vitals/);
  });
});
