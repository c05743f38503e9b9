import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBudgets } from '../../src/budgets/loadBudgets.js';
import { type RunningSite, startExampleSite } from '../../src/demo/exampleSite.js';
import { nodeGateDeps } from '../../src/gate/nodeGateDeps.js';
import { runGate } from '../../src/gate/runGate.js';
import { streamLogger } from '../../src/log/streamLogger.js';
import { parseSettings } from '../../src/settings/parseSettings.js';

let site: RunningSite;
let outputDir: string;

beforeAll(async () => {
  site = await startExampleSite();
  outputDir = await mkdtemp(join(tmpdir(), 'vitals-gate-e2e-'));
});

afterAll(async () => {
  await site?.close();
  await rm(outputDir, { recursive: true, force: true });
});

describe('the gate in real Chrome', () => {
  it('fails the page over its LCP budget and passes the page under it', async () => {
    const settings = parseSettings(
      (name) =>
        ({
          urls: '/?imageDelay=100&serverDelay=0\n/product/1?imageDelay=1500&shiftAfter=-1&block=0',
          'base-url': site.origin,
          runs: '2',
          device: 'desktop',
          throttling: 'none',
          lighthouse: 'false',
          'output-dir': outputDir,
        })[name],
    );
    const budgets = parseBudgets(
      '{"budgets":[{"path":"/**","metrics":{"LCP":{"max":1000,"warn":800}}}]}',
      'inline',
    );
    const progress: string[] = [];
    const log = streamLogger({
      write: (text: string) => progress.push(text),
    } as unknown as NodeJS.WritableStream);
    const outcome = await runGate(settings, nodeGateDeps(log), { budgets });

    const [home, product] = outcome.results.urls;
    expect(home?.verdict.status).toBe('pass');
    expect(home?.aggregate.metrics.LCP?.median).toBeLessThan(800);
    expect(product?.verdict.status).toBe('fail');
    expect(product?.aggregate.metrics.LCP?.median).toBeGreaterThan(1500);
    expect(outcome.results.verdict.status).toBe('fail');
    expect(outcome.results.environment.browser).toMatch(/Chrome|Chromium/);

    const written = JSON.parse(await readFile(join(outputDir, 'results.json'), 'utf8'));
    expect(written.urls[1].runs).toHaveLength(2);
    expect(written.urls[1].runs[0].lcp.attribution.subparts.resourceLoadDuration).toBeGreaterThan(1400);
    const report = await readFile(join(outputDir, 'report.md'), 'utf8');
    expect(report).toContain('## ❌ vitals-gate: fail');
    expect(report).toContain('**1 of 2 pages over budget.**');
    expect(progress.join('')).toMatch(/run 2\/2: LCP [\d,]+ ms/);
  });
});
