import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateRuns } from '../../src/aggregate/aggregateRuns.js';
import { summarize } from '../../src/aggregate/summarize.js';
import type { InteractionStep } from '../../src/budgets/InteractionStep.js';
import type { Measurer } from '../../src/collect/Measurer.js';
import type { RunMeasurement } from '../../src/collect/RunMeasurement.js';
import { HOSTILE, type RunningSite, startExampleSite } from '../../src/demo/exampleSite.js';
import { INP_SUBPARTS } from '../../src/metrics/metricDefinitions.js';
import { renderReport } from '../../src/report/renderReport.js';
import { launchDesktopChrome } from '../helpers/chrome.js';
import { gateResults, urlResult } from '../helpers/fixtures.js';
import { machineIsLoaded } from '../helpers/machineLoad.js';

// Real Chrome, real clicks, against example pages whose handler work is injected and therefore known.
let site: RunningSite;
let chrome: Measurer;
const click: InteractionStep[] = [{ click: '#add-to-cart' }];

beforeAll(async () => {
  site = await startExampleSite();
  chrome = await launchDesktopChrome();
});

afterAll(async () => {
  await chrome?.close();
  await site?.close();
});

async function measure(
  path: string,
  runs: number,
  interactions?: InteractionStep[],
): Promise<RunMeasurement[]> {
  const results: RunMeasurement[] = [];
  for (let index = 0; index < runs; index++) {
    results.push(await chrome.measure(`${site.origin}${path}`, index, interactions ? { interactions } : {}));
  }
  return results;
}

const tolerance = (expected: number) => Math.max(15, expected * 0.05);

/**
 * A handler's busy loop runs until `performance.now()` passes its end, so its measured time is never below
 * the injected time (5 ms below for rounding of the timings), whatever the load. Load only ever adds: a
 * renderer taken off the CPU as the loop's end passes resumes late, and its task with it. On a quiet machine
 * that is within the tolerance; with more runnable threads than cores one such wait added up to 36 ms (200
 * ms vendor loop measured 235.7, 100 ms handler 116.2, at load average 15-17 on 2 cores), so the upper
 * bound then allows LOADED_OVERRUN_MS more.
 */
const LOADED_OVERRUN_MS = 50;
function expectBusyTime(measured: number | undefined, injected: number): void {
  expect(measured).toBeGreaterThanOrEqual(injected - 5);
  const slack = tolerance(injected) + (machineIsLoaded() ? LOADED_OVERRUN_MS : 0);
  expect(measured).toBeLessThanOrEqual(injected + slack);
}

describe('INP in real headless Chrome', () => {
  it.each([100, 300])(
    'median INP processing duration tracks a click handler busy for %i ms',
    async (work) => {
      const runs = await measure(`/?imageDelay=0&clickWork=${work}&vendorWork=0`, 3, click);
      for (const run of runs) {
        expect(run.interactionError).toBeUndefined();
        expect(run.interactionSteps).toBe(1);
        expect(run.inp, 'INP must arrive: a frame is forced after the click').toBeDefined();
        const subparts = run.inp?.attribution.subparts;
        const sum = INP_SUBPARTS.reduce((total, name) => total + (subparts?.[name] ?? Number.NaN), 0);
        expect(Math.abs(sum - (run.inp?.value ?? 0))).toBeLessThan(1);
        expect(run.inp?.attribution.interactionType).toBe('pointer');
        expect(run.inp?.attribution.interactionTarget).toMatch(/add-to-cart/);
      }
      const median = summarize(runs.map((run) => run.inp?.attribution.subparts.processingDuration))
        ?.median as number;
      expectBusyTime(median, work);
    },
  );

  it('reports INP as not measured, never 0, on a page load without interactions', async () => {
    const [run] = await measure('/?imageDelay=0&clickWork=100', 1);
    expect(run?.inp).toBeUndefined();
    expect(aggregateRuns(run ? [run] : []).metrics.INP).toBeUndefined();
  });

  it('classifies a script from a second loopback host name as third party and gives it the blocking time', async () => {
    const runs = await measure('/?imageDelay=0&clickWork=40&vendorWork=200', 3, click);
    // The vendor's document listener runs longest, but the element listener names what was clicked.
    for (const run of runs) expect(run.inp?.attribution.interactionTarget).toMatch(/add-to-cart/);
    const aggregate = aggregateRuns(runs);
    const vendor = aggregate.scripts.find((script) => script.source.includes('/vendor/consent-manager.js'));
    const own = aggregate.scripts.find((script) => script.source.startsWith(site.origin));
    expect(vendor?.party).toBe('third');
    expect(vendor?.source).toMatch(/^http:\/\/localhost:\d+\//);
    expectBusyTime(vendor?.medianMs, 200);
    expect(vendor?.mainSubpart).toBe('processingDuration');
    expect(own?.party).toBe('first');
    expectBusyTime(own?.medianMs, 40);
    expectBusyTime(aggregate.thirdPartyScripts?.median, 200);
  });

  it('names the step and the page when a selector is missing, and keeps what the run measured', async () => {
    const [run] = await measure('/?imageDelay=0', 1, [{ wait: 10 }, { click: '#buy', timeout: 500 }]);
    expect(run?.interactionError).toBe('step 2 of /: no element matches `#buy` (waited 500 ms)');
    expect(run?.interactionSteps).toBe(1);
    expect(run?.error).toBeUndefined();
    expect(run?.lcp?.value).toBeGreaterThan(0);
    expect(run?.inp).toBeUndefined();
  });

  it('types into a field and presses keys, measuring INP over them', async () => {
    const [run] = await measure('/?imageDelay=0&clickWork=0', 1, [
      { hover: '#add-to-cart' },
      { scroll: 200 },
      { click: '#add-to-cart' },
      { press: 'Tab' },
      { wait: 'button.add-to-cart' },
    ]);
    expect(run?.interactionError).toBeUndefined();
    expect(run?.interactionSteps).toBe(5);
    expect(run?.inp?.value).toBeGreaterThan(0);
  });

  it('sends a sampled traceparent on the document request only, and records the same one', async () => {
    const before = site.received().length;
    const [run] = await measure('/?imageDelay=0&vendorWork=10&clickWork=0', 1);
    const received = site.received().slice(before);
    // A run whose first load Chrome's dropped LCP candidate spoiled loads the page again (remeasured): each
    // load's document gets its own traceparent, and the run records the one of the load it kept (the last).
    const documents = received.filter((request) => request.path.startsWith('/?'));
    expect(documents.length).toBe(run?.remeasured ? 2 : 1);
    expect(run?.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(documents.at(-1)?.traceparent).toBe(run?.traceparent);
    expect(new Set(documents.map((request) => request.traceparent)).size).toBe(documents.length);
    const others = received.filter((request) => !documents.includes(request));
    expect(others.map((request) => request.path)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/hero\.png/), expect.stringMatching(/^\/vendor\//)]),
    );
    expect(others.every((request) => request.traceparent === undefined)).toBe(true);
  });

  it('escapes hostile strings from the page in the markdown report', async () => {
    // The hostile id sits on the hero image, so the LCP element must be the image. Chrome can drop the image's
    // LCP candidate under CPU contention (measurement.md); the gate notices (the run is loaded again and says
    // so, \`remeasured\`), and a page that shows it twice in a row is kept as measured. Such a run carries no
    // hostile target, so one more load is allowed — but only after a run that says it saw the drop: a silent
    // paragraph LCP still fails here.
    let runs = await measure('/?imageDelay=0&shiftAfter=100&hostile=1', 1);
    if (!runs[0]?.lcp?.attribution.target?.includes('|')) {
      expect(runs[0]?.remeasured, JSON.stringify(runs[0]?.lcp)).toBeTruthy();
      runs = await measure('/?imageDelay=0&shiftAfter=100&hostile=1', 1);
    }
    expect(runs[0]?.lcp?.attribution.target).toContain('|');
    expect(runs[0]?.ttfb?.attribution.serverTiming[0]?.description).toBe(HOSTILE.serverTiming);
    const markdown = renderReport(
      gateResults([urlResult(`${site.origin}/`, runs, { source: 'b.json', budgets: [] })]),
    );
    const outsideCode = markdown.replace(/(`+)(?:(?!\1).)+\1/g, '');
    expect(outsideCode).not.toContain('<img');
    expect(outsideCode).not.toMatch(/@(everyone|octocat)/);
    expect(outsideCode).not.toContain('](https://evil');
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt; @\u200doctocat');
    expect(markdown).toContain('element ``#hero|`x`@everyone``');
  });
});
