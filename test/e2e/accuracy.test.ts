import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChrome } from '../../src/collect/launchChrome.js';
import type { Measurer } from '../../src/collect/Measurer.js';
import type { RunMeasurement } from '../../src/collect/RunMeasurement.js';
import {
  ACCURACY_SCENARIOS,
  type AccuracyProfile,
  type AccuracyScenario,
  measureScenarios,
  type ScenarioResult,
} from '../helpers/accuracyScenarios.js';
import { systemChrome } from '../helpers/chrome.js';
import { type GroundTruthSite, startGroundTruthSite } from '../helpers/groundTruthSite.js';
import { machineIsLoaded } from '../helpers/machineLoad.js';

// The ground-truth scenarios of `npm run bench -- accuracy` (test/helpers/accuracyScenarios.ts), fewer runs,
// under both profiles: 3 per timed page or pair of pages (5 pairs for +120 ms of server delay), 1 per
// layout-shift page (CLS does not vary from run to run). The TTFB-at-300-ms row is left out (the
// +120 ms pair covers server delay), and so are desktop render-delay bounds (no injected delay to check).
//
// The bench judges medians against the targets. A shared CI machine only ever adds time, so this test,
// which must hold under load, bounds every run from below by the model (latency and injected delays
// cannot be skipped) and the fastest run from above, by the model plus UPPER ms; a change between two
// pages is the difference of the fastest runs, within the model's range widened by CHANGE ms below and
// UPPER ms above. On 2 cores at load average 13-18 with one extra busy thread per core the fastest desktop
// TTFB with no server delay was 63 ms and a mobile stylesheet change 1290 ms (model 1169): UPPER covers that.
// The bounds still tell the fixed from the broken: mobile TTFB ≥ L (it was ~5-70 ms), mobile text render
// delay ≤ 400 ms (it held L = 562 ms), +120 ms of server delay moves LCP by ≥ 5 ms (it moved −12 ms).
const UPPER: Record<AccuracyProfile, number> = { desktop: 75, mobile: 250 };
const CHANGE: Record<AccuracyProfile, number> = { desktop: 25, mobile: 100 };
// A change's lower side on a loaded machine (more runnable threads than cores): after its first byte a
// text page waits for the CPU to parse and paint at random on either side of a pair (LCP minus TTFB
// 78-261 ms per run, once 1148, at load 19 on 2 cores), so the fastest of 4 runs per side differ by up to
// ~100 ms either way: +120 ms of server delay came out 64, 40 and 24 ms at load 16-19 (TTFB's fastest runs
// 119 ms apart). There the desktop change gets the mobile allowance: ≥ 5 ms for +120 ms, which the
// broken model (−12 ms) still fails; a quiet machine keeps the tight one.
const changeAllowance = (profile: AccuracyProfile) =>
  machineIsLoaded() ? Math.max(CHANGE[profile], CHANGE.mobile) : CHANGE[profile];

const isCls = (scenario: AccuracyScenario) => scenario.figure === 'CLS';
const inE2e = (scenario: AccuracyScenario, profile: AccuracyProfile) => {
  const expected = scenario.expected(profile);
  if (!expected || scenario.name === 'server delay 300 ms') return false;
  return !(profile === 'desktop' && expected.low === Number.NEGATIVE_INFINITY && !isCls(scenario));
};
// The +120 ms change is the smallest signal: 5 pairs.
const runsFor = (scenario: AccuracyScenario) =>
  scenario.figure === 'LCP change' ? 5 : isCls(scenario) ? 1 : 3;

function figures(scenario: AccuracyScenario, runs: RunMeasurement[] = []): number[] {
  return runs.map((run) => scenario.read(run)).filter((value): value is number => value !== undefined);
}

let site: GroundTruthSite;
beforeAll(async () => {
  site = await startGroundTruthSite();
});
afterAll(async () => {
  await site?.close();
});

describe.each<AccuracyProfile>(['desktop', 'mobile'])('ground truth, %s profile', (profile) => {
  let chrome: Measurer;
  const results: ScenarioResult[] = [];
  const scenarios = ACCURACY_SCENARIOS.filter((s) => inE2e(s, profile));

  beforeAll(async () => {
    chrome = await launchChrome(systemChrome(), {
      device: profile,
      throttling: profile === 'mobile' ? 'device' : 'none',
      timeoutMs: 30_000,
      urls: [site.origin],
      request: { headers: {}, cookies: [], block: [] },
    });
    for (const runs of [3, 5, 1]) {
      const share = scenarios.filter((s) => runsFor(s) === runs);
      results.push(...(await measureScenarios(chrome.measure, site.origin, profile, runs, share)));
    }
  }, 170_000);
  afterAll(async () => {
    await chrome?.close();
  });

  it.each(scenarios.map((s) => [`${s.name}: ${s.figure}`, s] as const))('%s', (_, scenario) => {
    const result = results.find((r) => r.scenario === scenario);
    expect(result?.errors).toEqual([]);
    const expected = scenario.expected(profile);
    if (!result || !expected) throw new Error('not measured');
    const values = figures(scenario, result.runs);
    expect(values.length).toBe(result.runs.length);
    if (isCls(scenario)) {
      for (const value of values) expect(value).toBeGreaterThanOrEqual(expected.low);
      for (const value of values) expect(value).toBeLessThanOrEqual(expected.high);
      return;
    }
    if (scenario.basePath) {
      const change = Math.min(...values) - Math.min(...figures(scenario, result.baseRuns));
      expect(change).toBeGreaterThanOrEqual(expected.low - changeAllowance(profile));
      expect(change).toBeLessThanOrEqual(expected.high + UPPER[profile]);
      return;
    }
    for (const value of values) expect(value).toBeGreaterThanOrEqual(expected.low);
    expect(Math.min(...values)).toBeLessThanOrEqual(expected.high + UPPER[profile]);
  });

  it('names the shifted block as the largest shift target, early or late', () => {
    const shifted = results.filter((r) => r.scenario.path.includes('&shift='));
    expect(shifted.length).toBe(3);
    for (const run of shifted.flatMap((r) => r.runs)) {
      expect(run.cls?.attribution.largestShiftTarget).toBe('#moved');
    }
  });
});
