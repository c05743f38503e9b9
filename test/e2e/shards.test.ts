import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/Plan.js';
import { renderComment } from '../../src/report/renderComment.js';
import type { GateResults } from '../../src/results/GateResults.js';
import { cliFromSource } from '../helpers/cliFromSource.js';
import { type RunningPrometheus, startPrometheus } from '../helpers/prometheus.js';
import { node, runnerEnv } from '../helpers/runner.js';

// Plan → 3 shards in 3 concurrent CLI processes → merge, against an unsharded run of the same plan.
// Production traffic comes from a real Prometheus (Debian's package) over backfilled histograms for 12
// pages in 3 routes. Pages are tiny and measured once each, desktop, unthrottled, without Lighthouse; two
// of them shift their layout by a fixed amount (CLS well over the 0.1 budget), the rest never shift, so
// every page's status is the same in every process whatever the machine's load.
const ROUTES = ['/shop/*', '/blog/*', '/docs/*'];
const PAGES = ROUTES.flatMap((route) => [1, 2, 3, 4].map((n) => route.replace('*', `page-${n}`)));
const SHIFTING = new Set(['/shop/page-2', '/docs/page-3']);
// Page views per route: shop 50 %, blog 30 %, docs 20 %; within a route the first page is the busiest.
const VIEWS: Record<string, number> = { shop: 500, blog: 300, docs: 200 };
const SPLIT = [0.4, 0.3, 0.2, 0.1];

function openMetrics(): string {
  const now = Math.floor(Date.now() / 1000);
  const times = [now - 30 * 3600, now - 6 * 3600];
  const lines = [
    '# HELP web_vitals_seconds Web Vitals reported by browsers.',
    '# TYPE web_vitals_seconds histogram',
  ];
  for (const [step, time] of times.entries()) {
    for (const page of PAGES) {
      const [, route = '', n = '1'] = /^\/(\w+)\/page-(\d)$/.exec(page) ?? [];
      const total = step ? Math.round((VIEWS[route] ?? 0) * (SPLIT[Number(n) - 1] ?? 0)) : 0;
      // LCP: 10 % under 1 s, 40 % in (1, 2], 50 % in (2, 4] → p75 = 2 + 2 × (0.75 − 0.5) / 0.5 = 3 s
      const buckets: [string, number][] = [
        ['1', Math.round(total * 0.1)],
        ['2', Math.round(total * 0.5)],
        ['4', total],
        ['+Inf', total],
      ];
      const labels = `metric="LCP",page="${page}"`;
      for (const [le, count] of buckets)
        lines.push(`web_vitals_seconds_bucket{${labels},le="${le}"} ${count} ${time}`);
      lines.push(`web_vitals_seconds_sum{${labels}} ${total * 2} ${time}`);
      lines.push(`web_vitals_seconds_count{${labels}} ${total} ${time}`);
    }
  }
  return `${lines.join('\n')}\n# EOF\n`;
}

function page(path: string): string {
  const shift = SHIFTING.has(path)
    ? // Two frames after the first paint: tied to frames, not to a timer a loaded machine can delay past the
      // end of the run.
      '<script>requestAnimationFrame(() => requestAnimationFrame(() => { document.getElementById("ad").style.height = "300px"; }));</script>'
    : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${path}</title></head><body style="margin:0">
<div id="ad" style="height:0"></div><h1 style="font:32px sans-serif">Page ${path}</h1>
<div style="height:500px;background:#eee">content</div>${shift}</body></html>`;
}

let work: string;
let cli: string;
let removeCli: (() => Promise<void>) | undefined;
let prometheus: RunningPrometheus;
let site: Server;
let origin: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'vitals-gate-shards-'));
  // The CLI bundled from the current source, dependencies from node_modules (the bundle sits below it).
  ({ cli, remove: removeCli } = await cliFromSource('shards'));
  prometheus = await startPrometheus(openMetrics());
  site = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (!PAGES.includes(path)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' }).end(page(path));
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', () => resolve()));
  origin = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
  const budgets = (routes: boolean) =>
    JSON.stringify({
      budgets: [{ path: '/**', metrics: { CLS: { max: 0.1 } } }],
      ...(routes ? { field: { routes: ROUTES } } : {}),
    });
  await writeFile(join(work, 'routes.json'), budgets(true));
  await writeFile(join(work, 'budgets.json'), budgets(false));
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await new Promise((resolve) => site?.close(resolve));
  if (work) await rm(work, { recursive: true, force: true });
  await removeCli?.();
});

const COMMON = ['--device', 'desktop', '--throttling', 'none', '--runs', '1', '--lighthouse', 'false'];
const vitalsGate = (args: string[]) =>
  node([cli, ...args], { cwd: work, env: runnerEnv({}), timeoutMs: 240_000 });
const readResults = async (dir: string) =>
  JSON.parse(await readFile(join(work, dir, 'results.json'), 'utf8')) as GateResults;

describe('plan, shards and merge', () => {
  it('plans one page per route from Prometheus traffic, with the reasons', async () => {
    const planned = await vitalsGate([
      'plan',
      ...['--rum-source', 'prometheus', '--rum-url', prometheus.baseUrl, '--budgets', 'routes.json'],
      ...COMMON,
      ...['--out', 'routes-plan.json'],
    ]);
    expect(planned.status, planned.stderr).toBe(0);
    const plan = JSON.parse(await readFile(join(work, 'routes-plan.json'), 'utf8')) as Plan;
    expect(plan.pages.map((p) => [p.path, p.route])).toEqual([
      ['/shop/page-1', '/shop/*'],
      ['/blog/page-1', '/blog/*'],
      ['/docs/page-1', '/docs/*'],
    ]);
    // increase() extrapolates a little past the samples: shares to two places.
    expect(plan.pages.map((p) => Math.round((p.share ?? 0) * 100) / 100)).toEqual([0.5, 0.3, 0.2]);
    expect(plan.pages[0]?.p75.LCP).toBeCloseTo(3000, 6);
    expect(planned.stdout).toContain(
      'measured because its route /shop/\\* (4 pages) carries 50 % of page views and its p75 LCP is 3.0 s',
    );
    expect(planned.stdout).toContain('matrix={"include":[{"shard":"1/1","device":"desktop"}]}');
  });

  it('measures 12 pages as 3 concurrent shards whose merge equals an unsharded run; a missing shard is an error', async () => {
    const planned = await vitalsGate([
      'plan',
      ...['--rum-source', 'prometheus', '--rum-url', prometheus.baseUrl, '--budgets', 'budgets.json'],
      ...COMMON,
      ...['--out', 'plan.json'],
    ]);
    expect(planned.status, planned.stderr).toBe(0);
    const plan = JSON.parse(await readFile(join(work, 'plan.json'), 'utf8')) as Plan;
    expect(plan.pages).toHaveLength(12);
    const measure = (out: string, shard?: string) =>
      vitalsGate([
        'run',
        ...['--plan', 'plan.json', '--base-url', origin, '--budgets', 'budgets.json', '--output-dir', out],
        ...COMMON,
        ...['--wait-timeout', '0'],
        ...(shard ? ['--shard', shard] : []),
      ]);
    // The three shards and the unsharded run, all at once.
    const [whole, ...runs] = await Promise.all([
      measure('all'),
      measure('s1', '1/3'),
      measure('s2', '2/3'),
      measure('s3', '3/3'),
    ]);
    expect(whole?.status, whole?.stderr).toBe(1);
    // A shard exits 1 when it holds a shifting page, else 0.
    for (const run of runs) expect([0, 1], run.stderr).toContain(run.status);
    const started = runs.map((run) => /Shard (\d) of 3 \(desktop\): 4 page\(s\)/.exec(run.stderr)?.[1]);
    expect(started).toEqual(['1', '2', '3']);

    const merged = await vitalsGate(['merge', 's1', 's2', 's3', '--output-dir', 'merged']);
    expect(merged.status, merged.stderr).toBe(1);
    const results = await readResults('merged');
    const unsharded = await readResults('all');
    const byUrl = (r: GateResults) =>
      Object.fromEntries(r.urls.map((u) => [u.url, { matched: u.budget.matched, status: u.verdict.status }]));
    expect(new Set(results.urls.map((u) => u.url))).toEqual(new Set(unsharded.urls.map((u) => u.url)));
    expect(results.urls).toHaveLength(12);
    const runErrors = [...results.urls, ...unsharded.urls].flatMap((u) =>
      u.runs.map((r) => r.error).filter(Boolean),
    );
    expect(byUrl(results), `run errors: ${runErrors.join('; ')}`).toEqual(byUrl(unsharded));
    expect(results.verdict.status).toBe(unsharded.verdict.status);
    expect(results.verdict.status).toBe('fail');
    expect(
      results.urls
        .filter((u) => u.verdict.status === 'fail')
        .map((u) => new URL(u.url).pathname)
        .sort(),
    ).toEqual([...SHIFTING].sort());
    expect(results.merge).toEqual({ count: 3, merged: [1, 2, 3], problems: [] });
    // Merged in plan order, with the plan and its field data of the one Prometheus read.
    expect(results.urls.map((u) => new URL(u.url).pathname)).toEqual(plan.pages.map((p) => p.path));
    expect(results.field.snapshot?.pages['/shop/page-1']?.metrics.LCP?.p75).toBeCloseTo(3000, 6);
    const comment = renderComment(results, { name: 'vitals-gate', links: {} });
    expect(comment.match(/^### /gm)).toHaveLength(12);
    expect(comment).toContain('Test plan: why these pages');

    const missing = await vitalsGate(['merge', 's1', 's3', '--shard', '3', '--output-dir', 'partial']);
    expect(missing.status).toBe(2);
    const partial = await readResults('partial');
    expect(partial.verdict.status).toBe('error');
    expect(partial.merge?.problems).toEqual([
      'shard 2 of 3 is missing (its job failed or uploaded no results)',
    ]);
    expect(missing.stdout).toMatch(
      /^## 🛑 vitals-gate: error\n\n> \[!CAUTION\]\n> \*\*Not every shard was measured/,
    );
    expect(missing.stdout).not.toContain('within budget');
  }, 300_000);
});
