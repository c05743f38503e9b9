// The regression gate's detection and false-alarm rates, against the naive rule, on the example site.
// Run with `npm run bench -- [K_AA K_20 K_10 K_INP]` (bench/run.mjs bundles this file and runs it with the project's Node).

import { summarize } from '../src/aggregate/summarize.js';
import { findSystemChrome } from '../src/collect/findSystemChrome.js';
import { launchChrome } from '../src/collect/launchChrome.js';
import type { Measurer, RunPlan } from '../src/collect/Measurer.js';
import type { RunMeasurement } from '../src/collect/RunMeasurement.js';
import { compareRuns } from '../src/compare/compareRuns.js';
import { startExampleSite } from '../src/demo/exampleSite.js';

// Trials per scenario: A/A, +20 % LCP, +10 % LCP, +50 ms INP (`npm run bench -- 50 30 20 15`).
const [K_AA, K_20, K_10, K_INP] = [50, 30, 20, 15].map((fallback, i) =>
  Number(process.argv[2 + i] ?? fallback),
) as [number, number, number, number];
const PAIRS = 5;
const TOLERANCE = 0.1;
const PAGE = '/?imageDelay=400&serverDelay=100&shiftAfter=-1&block=0&vendorWork=0';

interface Scenario {
  name: string;
  metric: 'LCP' | 'INP';
  candidate: string;
  baseline: string;
  plan: RunPlan;
  regression: boolean;
  trials: number;
}

const metricValue = (metric: 'LCP' | 'INP') => (run: RunMeasurement) =>
  metric === 'LCP' ? run.lcp?.value : run.inp?.value;

async function pairs(measurer: Measurer, scenario: Scenario) {
  const candidate: RunMeasurement[] = [];
  const baseline: RunMeasurement[] = [];
  for (let index = 0; index < PAIRS; index++) {
    const order = index % 2 === 0 ? ['c', 'b'] : ['b', 'c'];
    for (const side of order) {
      const run = await measurer.measure(
        side === 'c' ? scenario.candidate : scenario.baseline,
        index,
        scenario.plan,
      );
      (side === 'c' ? candidate : baseline).push(run);
    }
  }
  return { candidate, baseline };
}

async function main() {
  const chromePath = findSystemChrome();
  const measurer = await launchChrome(chromePath, {
    device: 'desktop',
    throttling: 'none',
    timeoutMs: 30_000,
    urls: [],
    request: { headers: {}, cookies: [], block: [] },
  });
  const base = await startExampleSite();
  // Calibrate: the baseline page's LCP median sets the injected server delays and the naive threshold.
  const calibration: RunMeasurement[] = [];
  for (let i = 0; i < 9; i++) calibration.push(await measurer.measure(`${base.origin}${PAGE}`, i));
  const lcpMedian = summarize(calibration.map((run) => run.lcp?.value))?.median as number;
  const plus20 = await startExampleSite(0, '127.0.0.1', { extraServerDelay: Math.round(0.2 * lcpMedian) });
  const plus10 = await startExampleSite(0, '127.0.0.1', { extraServerDelay: Math.round(0.1 * lcpMedian) });
  const click: RunPlan = { interactions: [{ click: '#add-to-cart' }] };
  const inpPage = (work: number) =>
    `/?imageDelay=0&serverDelay=20&clickWork=${work}&vendorWork=0&shiftAfter=-1&block=0`;
  const inpCalibration: RunMeasurement[] = [];
  for (let i = 0; i < 5; i++)
    inpCalibration.push(await measurer.measure(`${base.origin}${inpPage(100)}`, i, click));
  const inpMedian = summarize(inpCalibration.map((run) => run.inp?.value))?.median as number;
  const scenarios: Scenario[] = [
    {
      name: 'A/A (same page)',
      metric: 'LCP',
      candidate: `${base.origin}${PAGE}`,
      baseline: `${base.origin}${PAGE}`,
      plan: {},
      regression: false,
      trials: K_AA,
    },
    {
      name: '+20 % LCP (server delay)',
      metric: 'LCP',
      candidate: `${plus20.origin}${PAGE}`,
      baseline: `${base.origin}${PAGE}`,
      plan: {},
      regression: true,
      trials: K_20,
    },
    {
      name: '+10 % LCP (server delay)',
      metric: 'LCP',
      candidate: `${plus10.origin}${PAGE}`,
      baseline: `${base.origin}${PAGE}`,
      plan: {},
      regression: true,
      trials: K_10,
    },
    {
      name: '+50 ms INP processing',
      metric: 'INP',
      candidate: `${base.origin}${inpPage(150)}`,
      baseline: `${base.origin}${inpPage(100)}`,
      plan: click,
      regression: true,
      trials: K_INP,
    },
  ];
  console.log(
    `calibration: LCP median ${lcpMedian.toFixed(0)} ms (9 runs), INP median ${inpMedian.toFixed(0)} ms (5 runs); ${PAIRS} pairs per trial, tolerance ${TOLERANCE * 100} %`,
  );
  console.log(
    `injected: +20 % = +${Math.round(0.2 * lcpMedian)} ms server delay, +10 % = +${Math.round(0.1 * lcpMedian)} ms\n`,
  );
  const rows: string[][] = [];
  for (const scenario of scenarios) {
    const threshold = (scenario.metric === 'LCP' ? lcpMedian : inpMedian) * (1 + TOLERANCE);
    let gate = 0;
    let naive = 0;
    let inconclusive = 0;
    const started = Date.now();
    for (let trial = 0; trial < scenario.trials; trial++) {
      const { candidate, baseline } = await pairs(measurer, scenario);
      const comparison = compareRuns(candidate, baseline, { tolerance: TOLERANCE }).find(
        (c) => c.metric === scenario.metric && !c.subpart,
      );
      if (comparison?.state === 'regression') gate++;
      if (comparison?.state === 'inconclusive') inconclusive++;
      const candidateMedian = summarize(candidate.map(metricValue(scenario.metric)))?.median ?? 0;
      if (candidateMedian > threshold) naive++;
      process.stderr.write(`\r${scenario.name}: trial ${trial + 1}/${scenario.trials}`);
    }
    process.stderr.write('\n');
    const rate = (count: number) => `${((100 * count) / scenario.trials).toFixed(1)} %`;
    const perTrial = ((Date.now() - started) / scenario.trials / 1000).toFixed(1);
    rows.push([
      scenario.name,
      String(scenario.trials),
      scenario.regression ? 'detection' : 'false alarm',
      `${rate(gate)} (${gate})`,
      `${rate(naive)} (${naive})`,
      rate(inconclusive),
      `${perTrial} s`,
    ]);
  }
  const header = [
    'scenario',
    'K',
    'figure',
    'gate (MW + HL, 5 pairs)',
    'naive (median > baseline + 10 %)',
    'gate inconclusive',
    'per trial',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
  await measurer.close();
  await Promise.all([base.close(), plus20.close(), plus10.close()]);
}

await main();
