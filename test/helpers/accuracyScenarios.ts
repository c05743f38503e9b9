import { DEVICE_PROFILES } from '../../src/collect/deviceProfiles.js';
import type { RunPlan } from '../../src/collect/Measurer.js';
import type { RunMeasurement } from '../../src/collect/RunMeasurement.js';

/**
 * Ground-truth scenarios shared by the e2e accuracy test and `npm run bench -- accuracy`: a page of
 * test/helpers/groundTruthSite.ts with injected, known delays; the figure read from each run; what it should
 * be under each profile and how far off it may be.
 *
 * The two profiles: `desktop` is desktop screen emulation with no throttling (the injected delay is the only
 * slow part: expected within max(15 ms, 5 %)); `mobile` is the default mobile profile with device throttling,
 * where the model of docs/profiles.md applies: every request is held for the profile's latency L (562.5 ms)
 * before it is sent, so a document's TTFB is L + its server delay, and a render-blocking stylesheet or an
 * image adds its own L + its delay + its transfer time at the profile's throughput.
 */
export type AccuracyProfile = 'desktop' | 'mobile';
export const ACCURACY_PROFILES: readonly AccuracyProfile[] = ['desktop', 'mobile'];

export const MOBILE_LATENCY_MS = DEVICE_PROFILES.mobile.network.latencyMs;

export interface Expectation {
  /** The expected value; with `atMost`, the bound the value must stay under. */
  value: number;
  tolerance: number;
  atMost?: boolean;
}

export interface AccuracyScenario {
  name: string;
  /** The page's path and query on the ground-truth site. */
  path: string;
  /** When set, the figure is the run-by-run difference from this page (same run index). */
  basePath?: string;
  plan?: RunPlan;
  /** What is read, e.g. `TTFB` or `LCP elementRenderDelay`. */
  figure: string;
  read(run: RunMeasurement): number | undefined;
  expected(profile: AccuracyProfile): Expectation | undefined;
  /** Decimals when printed (CLS: 3). */
  decimals?: number;
}

const L = MOBILE_LATENCY_MS;
/** Desktop unthrottled: the injected delay within max(15 ms, 5 %). */
const desktop = (value: number): Expectation => ({ value, tolerance: Math.max(15, value * 0.05) });
/** Mobile: the model's value within max(50 ms, 10 %) (4× CPU slowdown makes parsing and painting slower). */
const mobile = (value: number): Expectation => ({ value, tolerance: Math.max(50, value * 0.1) });
const cls = (): Expectation => ({ value: 0.1, tolerance: 0.005 });

const lcpSubpart =
  (name: 'timeToFirstByte' | 'resourceLoadDelay' | 'resourceLoadDuration' | 'elementRenderDelay') =>
  (run: RunMeasurement) =>
    run.lcp?.attribution.subparts[name];

export const ACCURACY_SCENARIOS: readonly AccuracyScenario[] = [
  {
    name: 'no server delay',
    path: '/page?lcp=text&server=0',
    figure: 'TTFB',
    read: (run) => run.ttfb?.value,
    expected: (p) => (p === 'desktop' ? desktop(0) : mobile(L)),
  },
  {
    name: 'server delay 300 ms',
    path: '/page?lcp=text&server=300',
    figure: 'TTFB',
    read: (run) => run.ttfb?.value,
    expected: (p) => (p === 'desktop' ? desktop(300) : mobile(L + 300)),
  },
  {
    name: 'text LCP, no server delay',
    path: '/page?lcp=text&server=0',
    figure: 'LCP elementRenderDelay',
    read: lcpSubpart('elementRenderDelay'),
    expected: (p) => ({ value: p === 'desktop' ? 50 : 150, tolerance: 0, atMost: true }),
  },
  {
    name: 'server delay +120 ms',
    path: '/page?lcp=text&server=420',
    basePath: '/page?lcp=text&server=300',
    figure: 'LCP change',
    read: (run) => run.lcp?.value,
    expected: () => ({ value: 120, tolerance: 15 }),
  },
  {
    name: 'image delay 800 ms',
    path: '/page?lcp=image&image=800',
    figure: 'LCP resourceLoadDuration',
    read: lcpSubpart('resourceLoadDuration'),
    expected: (p) => (p === 'desktop' ? desktop(800) : undefined),
  },
  {
    name: 'image delay 800 ms',
    path: '/page?lcp=image&image=800',
    figure: 'LCP load delay + duration',
    read: (run) => {
      const s = run.lcp?.attribution.subparts;
      return s ? s.resourceLoadDelay + s.resourceLoadDuration : undefined;
    },
    expected: (p) => (p === 'desktop' ? undefined : mobile(L + 800)),
  },
  {
    name: 'image delay 800 ms',
    path: '/page?lcp=image&image=800',
    figure: 'LCP elementRenderDelay',
    read: lcpSubpart('elementRenderDelay'),
    expected: (p) => ({ value: p === 'desktop' ? 50 : 150, tolerance: 0, atMost: true }),
  },
  {
    name: 'render-blocking CSS 500 ms',
    path: '/page?lcp=text&css=500',
    figure: 'LCP elementRenderDelay',
    read: lcpSubpart('elementRenderDelay'),
    expected: (p) => (p === 'desktop' ? desktop(500) : mobile(L + 500)),
  },
  ...[100, 400, 1500].map(
    (at): AccuracyScenario => ({
      name: `layout shift ${at} ms after load`,
      path: `/page?lcp=text&shift=${at}`,
      figure: 'CLS',
      read: (run) => run.cls?.value,
      expected: cls,
      decimals: 3,
    }),
  ),
  {
    name: 'shift 200 ms after a click',
    path: '/page?lcp=text&clickShift=200',
    plan: { interactions: [{ click: '#busy' }] },
    figure: 'CLS',
    read: (run) => run.cls?.value,
    expected: () => ({ value: 0, tolerance: 0.005 }),
    decimals: 3,
  },
  {
    name: 'click handler busy 300 ms',
    path: '/page?lcp=text&busy=300',
    plan: { interactions: [{ click: '#busy' }] },
    figure: 'INP processingDuration',
    read: (run) => run.inp?.attribution.subparts.processingDuration,
    expected: (p) => (p === 'desktop' ? desktop(300) : mobile(300)),
  },
];

/** Whether a measured median is within the expectation. */
export function withinExpectation(measured: number, expectation: Expectation): boolean {
  return expectation.atMost
    ? measured <= expectation.value
    : Math.abs(measured - expectation.value) <= expectation.tolerance;
}

/** One scenario's figures under one profile. */
export interface ScenarioResult {
  scenario: AccuracyScenario;
  profile: AccuracyProfile;
  /** One figure per run (runs where the figure is missing are left out; `errors` says why). */
  values: number[];
  errors: string[];
  median?: number;
  iqr?: number;
  expectation?: Expectation;
  ok?: boolean;
}

function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (at - low);
}

/** Median and interquartile range of the values (undefined when there are none). */
export function spread(values: number[]): { median?: number; iqr?: number } {
  if (!values.length) return {};
  const sorted = [...values].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), iqr: quantile(sorted, 0.75) - quantile(sorted, 0.25) };
}

/**
 * Measures every scenario `runs` times under one profile (each distinct page and plan is loaded `runs` times
 * and shared by the scenarios that read it) and compares the medians with the expectations.
 */
export async function measureScenarios(
  measure: (url: string, index: number, plan?: RunPlan) => Promise<RunMeasurement>,
  origin: string,
  profile: AccuracyProfile,
  runs: number,
  scenarios: readonly AccuracyScenario[] = ACCURACY_SCENARIOS,
): Promise<ScenarioResult[]> {
  const loaded = new Map<string, RunMeasurement[]>();
  const load = async (path: string, plan?: RunPlan) => {
    const key = `${path} ${JSON.stringify(plan ?? {})}`;
    let measured = loaded.get(key);
    if (!measured) {
      measured = [];
      for (let index = 0; index < runs; index++)
        measured.push(await measure(`${origin}${path}`, index, plan));
      loaded.set(key, measured);
    }
    return measured;
  };
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const expectation = scenario.expected(profile);
    if (!expectation) continue;
    const measured = await load(scenario.path, scenario.plan);
    const base = scenario.basePath ? await load(scenario.basePath, scenario.plan) : undefined;
    const values: number[] = [];
    const errors: string[] = [];
    measured.forEach((run, index) => {
      const value = scenario.read(run);
      const baseRun = base?.[index];
      const baseValue = baseRun ? scenario.read(baseRun) : 0;
      if (run.error) errors.push(run.error);
      if (baseRun?.error) errors.push(baseRun.error);
      if (value !== undefined && baseValue !== undefined && !run.error && !baseRun?.error) {
        values.push(value - baseValue);
      }
    });
    const { median, iqr } = spread(values);
    results.push({
      scenario,
      profile,
      values,
      errors,
      expectation,
      ...(median !== undefined ? { median, iqr, ok: withinExpectation(median, expectation) } : {}),
    });
  }
  return results;
}

/** The results as a markdown table: expected vs measured per scenario and profile. */
export function accuracyTable(results: readonly ScenarioResult[]): string {
  const rows = [
    '| profile | scenario | figure | expected | median | IQR | runs | |',
    '|---|---|---|---:|---:|---:|---:|---|',
  ];
  for (const result of results) {
    const digits = result.scenario.decimals ?? 0;
    const format = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(digits));
    const e = result.expectation;
    const expected = e
      ? e.atMost
        ? `≤ ${format(e.value)}`
        : `${format(e.value)} ± ${format(e.tolerance)}`
      : '–';
    rows.push(
      `| ${result.profile} | ${result.scenario.name} | ${result.scenario.figure} | ${expected} | ${format(result.median)} | ${format(result.iqr)} | ${result.values.length} | ${result.ok === undefined ? 'no data' : result.ok ? 'ok' : 'off'} |`,
    );
  }
  return rows.join('\n');
}
