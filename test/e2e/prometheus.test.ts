import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFieldData } from '../../src/field/collectFieldData.js';
import { freePort, type RunningPrometheus, startPrometheus } from '../helpers/prometheus.js';

// A real Prometheus (Debian's package; .ci/run installs it) over data backfilled with promtool from a known
// bucket distribution, on loopback. Histogram as in the RUM article: web_vitals_seconds{metric, page}.
const HOUR = 3600;
const now = new Date();
const fieldDeps = {
  readText: async () => '',
  now: () => now,
  fetch: (url: string, init: RequestInit) => fetch(url, init),
  sleep: async () => {},
};
const t1 = Math.floor(now.getTime() / 1000) - 30 * HOUR; // recent (retention) but not the last 3 hours
const t2 = Math.floor(now.getTime() / 1000) - 6 * HOUR;

/** Cumulative bucket counts per series at t2 (all zero at t1). */
const SERIES: { metric: string; page: string; buckets: [string, number][] }[] = [
  // 400 LCPs on /: p75 rank 300 falls in (1, 2] holding 100..350 → 1 + 200/250 = 1.8 s
  {
    metric: 'LCP',
    page: '/',
    buckets: [
      ['1', 100],
      ['2', 350],
      ['4', 390],
      ['+Inf', 400],
    ],
  },
  // two product pages; merged by the /product/* route: (0,120,360,400) → rank 300 in (2,4]: 2 + 2·180/240 = 3.5 s
  {
    metric: 'LCP',
    page: '/product/1',
    buckets: [
      ['1', 0],
      ['2', 100],
      ['4', 180],
      ['+Inf', 200],
    ],
  },
  {
    metric: 'LCP',
    page: '/product/2',
    buckets: [
      ['1', 0],
      ['2', 20],
      ['4', 180],
      ['+Inf', 200],
    ],
  },
  // CLS on /: rank 300 in (0.05, 0.1] holding 250..380 → 0.05 + 0.05·50/130
  {
    metric: 'CLS',
    page: '/',
    buckets: [
      ['0.05', 250],
      ['0.1', 380],
      ['0.25', 400],
      ['+Inf', 400],
    ],
  },
];

function openMetrics(): string {
  const lines = [
    '# HELP web_vitals_seconds Web Vitals reported by browsers.',
    '# TYPE web_vitals_seconds histogram',
  ];
  for (const [time, final] of [
    [t1, false],
    [t2, true],
  ] as const) {
    for (const series of SERIES) {
      const labels = `metric="${series.metric}",page="${series.page}"`;
      for (const [le, count] of series.buckets) {
        lines.push(`web_vitals_seconds_bucket{${labels},le="${le}"} ${final ? count : 0} ${time}`);
      }
      const total = final ? (series.buckets.at(-1)?.[1] ?? 0) : 0;
      lines.push(`web_vitals_seconds_sum{${labels}} ${total} ${time}`);
      lines.push(`web_vitals_seconds_count{${labels}} ${total} ${time}`);
    }
  }
  return `${lines.join('\n')}\n# EOF\n`;
}

let prometheus: RunningPrometheus | undefined;
let baseUrl: string;

beforeAll(async () => {
  prometheus = await startPrometheus(openMetrics());
  baseUrl = prometheus.baseUrl;
});

afterAll(async () => {
  await prometheus?.stop();
});

async function serverQuantile(selector: string): Promise<number> {
  const query = `histogram_quantile(0.75, sum by (le) (increase(web_vitals_seconds_bucket{${selector}}[7d])))`;
  const url = `${baseUrl}/api/v1/query?${new URLSearchParams({ query, time: String(now.getTime() / 1000) })}`;
  const body = (await (await fetch(url)).json()) as { data: { result: { value: [number, string] }[] } };
  return Number(body.data.result[0]?.value[1]);
}

describe('Prometheus source against a real Prometheus', () => {
  it('gives p75 per page from the histogram, equal to the bucket interpolation and to histogram_quantile', async () => {
    const outcome = await collectFieldData(
      { source: 'prometheus', url: baseUrl },
      [],
      'mobile',
      { routes: ['/product/*'], prometheus: { window: '7d' } },
      fieldDeps,
    );
    expect(outcome.error).toBeUndefined();
    const pages = outcome.snapshot?.pages ?? {};
    expect(pages['/']?.metrics.LCP?.p75).toBeCloseTo(1800, 6);
    expect(pages['/']?.metrics.CLS?.p75).toBeCloseTo(0.05 + (0.05 * 50) / 130, 9);
    expect(pages['/product/*']?.metrics.LCP?.p75).toBeCloseTo(3500, 6);
    expect(pages['/product/1']).toBeUndefined();
    expect(pages['/']?.metrics.LCP?.samples).toBeGreaterThan(0);
    // Prometheus's own histogram_quantile over the same data agrees (seconds → ms).
    expect((await serverQuantile('metric="LCP",page="/"')) * 1000).toBeCloseTo(
      pages['/']?.metrics.LCP?.p75 ?? 0,
      6,
    );
    expect((await serverQuantile('metric="LCP",page=~"/product/.*"')) * 1000).toBeCloseTo(3500, 6);
  });

  it('turns a query Prometheus rejects into a field data error', async () => {
    const outcome = await collectFieldData(
      { source: 'prometheus', url: baseUrl },
      [],
      'mobile',
      { prometheus: { window: '7 days' } },
      fieldDeps,
    );
    expect(outcome.error).toMatch(new RegExp(`^Prometheus ${baseUrl} failed \\(HTTP 400, bad_data\\): .+`));
  });

  it('reports an unreachable server without failing', async () => {
    const port = await freePort();
    const outcome = await collectFieldData(
      { source: 'prometheus', url: `http://127.0.0.1:${port}` },
      [],
      'mobile',
      {},
      fieldDeps,
    );
    expect(outcome.error).toMatch(new RegExp(`^Prometheus http://127.0.0.1:${port}: .*ECONNREFUSED`));
  });
});
