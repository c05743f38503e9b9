import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBudgets } from '../../src/budgets/loadBudgets.js';
import type { Measurer } from '../../src/collect/Measurer.js';
import { nodeGateDeps } from '../../src/gate/nodeGateDeps.js';
import { runGate } from '../../src/gate/runGate.js';
import { streamLogger } from '../../src/log/streamLogger.js';
import { parseSettings } from '../../src/settings/parseSettings.js';
import { launchDesktopChrome } from '../helpers/chrome.js';
import { startWeightsSite } from '../helpers/weightsSite.js';

// A loopback site with fixed, uncompressed bodies: the decoded bytes are exact and the wire bytes are the
// body plus the response headers (about 150 bytes from Node's http server: below HEADERS).
const KiB = 1024;
const HEADERS = 400;
let site: Awaited<ReturnType<typeof startWeightsSite>>;
let heavier: Awaited<ReturnType<typeof startWeightsSite>>;
let chrome: Measurer;
const silent = streamLogger({ write: () => true } as unknown as NodeJS.WritableStream);

beforeAll(async () => {
  site = await startWeightsSite({
    scriptName: 'vendor.a1b2c3d4.js',
    scriptBytes: 200 * KiB,
    imageBytes: 50 * KiB,
  });
  // The same page after a change that adds 48 KiB to the bundle (a new build hash too).
  heavier = await startWeightsSite({
    scriptName: 'vendor.b5c6d7e8.js',
    scriptBytes: 248 * KiB,
    imageBytes: 50 * KiB,
  });
  chrome = await launchDesktopChrome();
});

afterAll(async () => {
  await chrome?.close();
  await site?.close();
  await heavier?.close();
});

/** Cheap gate settings: desktop, unthrottled, one run per URL, no Lighthouse. */
function settings(urls: string, baseUrl: string, outputDir: string, baselineUrl?: string) {
  const inputs: Record<string, string> = {
    urls,
    'base-url': baseUrl,
    runs: '1',
    device: 'desktop',
    throttling: 'none',
    lighthouse: 'false',
    'output-dir': outputDir,
    ...(baselineUrl ? { 'baseline-url': baselineUrl, 'max-runs': '1' } : {}),
  };
  return parseSettings((name) => inputs[name]);
}

describe('the network log of a run', () => {
  it('records each request with its wire and decoded bytes, the redirect hop, and no favicon', async () => {
    const run = await chrome.measure(`${site.origin}/`, 0);
    const requests = run.network?.requests ?? [];
    const byPath = new Map(requests.map((request) => [new URL(request.url).pathname, request]));
    expect([...byPath.keys()].sort()).toEqual([
      '/',
      '/assets/vendor.a1b2c3d4.js',
      '/img/photo.svg',
      '/old-vendor.js',
    ]);
    const script = byPath.get('/assets/vendor.a1b2c3d4.js');
    expect(script).toMatchObject({ type: 'script', resourceBytes: 200 * KiB, status: 200 });
    expect(script?.transferBytes).toBeGreaterThan(200 * KiB);
    expect(script?.transferBytes).toBeLessThan(200 * KiB + HEADERS);
    const image = byPath.get('/img/photo.svg');
    expect(image).toMatchObject({ type: 'image', resourceBytes: 50 * KiB });
    expect(image?.transferBytes).toBeGreaterThan(50 * KiB);
    expect(image?.transferBytes).toBeLessThan(50 * KiB + HEADERS);
    expect(byPath.get('/')).toMatchObject({ type: 'document', resourceBytes: site.htmlBytes });
    const hop = byPath.get('/old-vendor.js');
    expect(hop).toMatchObject({ type: 'script', status: 301, redirect: true, resourceBytes: 0 });
    expect(hop?.transferBytes).toBeGreaterThan(0);
    expect(hop?.transferBytes).toBeLessThan(HEADERS);
  });
});

describe('resource budgets in a gate run', () => {
  it('fail and pass at the right byte counts: the wire bytes are the bodies plus headers and the redirect hop', async () => {
    const budgets = parseBudgets(
      JSON.stringify({
        budgets: [
          // 200 KiB of script body: over a 200 KiB budget once headers and the redirect hop are counted.
          { path: '/p/tight', resources: { script: { max: 200 } } },
          {
            path: '/p/loose',
            resources: { script: { max: 201 }, image: { max: 51, warn: 50 }, total: { maxRequests: 4 } },
          },
        ],
      }),
      'inline',
    );
    const outcome = await runGate(
      settings('/p/tight\n/p/loose', site.origin, '/tmp/vitals-gate-resources'),
      nodeGateDeps(silent),
      { budgets },
    );
    const [tight, loose] = outcome.results.urls;
    const script = tight?.aggregate.resources?.categories.script;
    expect(script?.requests).toBe(2); // the 301 hop and the script
    expect(script?.resourceBytes).toBe(200 * KiB);
    expect(script?.transferBytes).toBeGreaterThan(200 * KiB);
    expect(script?.transferBytes).toBeLessThan(200 * KiB + 2 * HEADERS);
    expect(tight?.verdict.resources).toEqual([
      {
        category: 'script',
        measure: 'bytes',
        value: script?.transferBytes,
        threshold: { max: 200 * KiB },
        status: 'fail',
      },
    ]);
    expect(tight?.verdict.status).toBe('fail');
    expect(loose?.verdict.resources?.map((check) => [check.category, check.measure, check.status])).toEqual([
      ['script', 'bytes', 'pass'],
      ['image', 'bytes', 'warn'],
      ['total', 'requests', 'pass'],
    ]);
    expect(loose?.aggregate.resources?.categories.total.requests).toBe(4);
    expect(loose?.verdict.status).toBe('warn');
    expect(outcome.markdown).toMatch(/❌ script 200\.[1-9] KiB > 200 KiB/);
    expect(outcome.markdown).toMatch(
      /\| script +\| +200\.[1-9] KiB \| +200 KiB \| +2 \| ≤ 200 KiB +\| ❌ fail/,
    );
  });

  it('against a baseline, reports the heavier bundle per type and names the file', async () => {
    const outcome = await runGate(
      settings('/', heavier.origin, '/tmp/vitals-gate-resources-baseline', site.origin),
      nodeGateDeps(silent),
      { budgets: parseBudgets('{"budgets":[]}', 'inline') },
    );
    const [result] = outcome.results.urls;
    const candidate = result?.aggregate.resources?.categories.script.transferBytes ?? 0;
    const baseline = result?.baseline?.aggregate.resources?.categories.script.transferBytes ?? 0;
    // Same headers on both sides but for the name's hash: the difference is the 48 KiB of body.
    expect(Math.abs(candidate - baseline - 48 * KiB)).toBeLessThanOrEqual(2);
    expect(outcome.markdown).toContain(
      `**Bytes vs baseline:** script +48 KiB (+24 %), from \`${heavier.origin}/assets/vendor.b5c6d7e8.js\` +48 KiB`,
    );
  });
});
