import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBudgets } from '../../src/budgets/loadBudgets.js';
import { type RunningSite, startExampleSite } from '../../src/demo/exampleSite.js';
import { nodeGateDeps } from '../../src/gate/nodeGateDeps.js';
import { runGate } from '../../src/gate/runGate.js';
import { streamLogger } from '../../src/log/streamLogger.js';
import { parseSettings } from '../../src/settings/parseSettings.js';

// Two instances of the example site, the candidate's backend 300 ms slower: an interleaved run must report
// an LCP regression of about that size, and no change where both sides are the same.
let baseline: RunningSite;
let candidate: RunningSite;
const silent = streamLogger({ write: () => true } as unknown as NodeJS.WritableStream);
const budgets = parseBudgets('{"budgets":[]}', 'inline');

beforeAll(async () => {
  baseline = await startExampleSite();
  candidate = await startExampleSite(0, '127.0.0.1', { extraServerDelay: 300 });
});

afterAll(async () => {
  await baseline?.close();
  await candidate?.close();
});

function settingsFor(candidateOrigin: string, outputDir: string) {
  return parseSettings(
    (name) =>
      ({
        urls: '/?imageDelay=200&serverDelay=50',
        'base-url': candidateOrigin,
        'baseline-url': baseline.origin,
        runs: '5',
        'max-runs': '8',
        device: 'desktop',
        throttling: 'none',
        lighthouse: 'false',
        'output-dir': outputDir,
      })[name],
  );
}

describe('interleaved A/B against a baseline in real Chrome', () => {
  it('reports a 300 ms slower backend as an LCP and TTFB regression of about that size', async () => {
    const outcome = await runGate(
      settingsFor(candidate.origin, '/tmp/vitals-gate-ab-regression'),
      nodeGateDeps(silent),
      {
        budgets,
      },
    );
    const [result] = outcome.results.urls;
    const lcp = result?.baseline?.comparisons.find((c) => c.metric === 'LCP' && !c.subpart);
    const ttfb = result?.baseline?.comparisons.find((c) => c.metric === 'TTFB' && !c.subpart);
    expect(lcp?.state).toBe('regression');
    expect(Math.abs((lcp?.shift ?? 0) - 300)).toBeLessThanOrEqual(30);
    expect(lcp?.shiftCi[0]).toBeGreaterThan(200);
    expect(ttfb?.state).toBe('regression');
    expect(Math.abs((ttfb?.shift ?? 0) - 300)).toBeLessThanOrEqual(30);
    expect(result?.baseline?.pairs).toBe(5);
    expect(result?.verdict.status).toBe('fail');
    expect(outcome.markdown).toMatch(
      /\| \*\*LCP\*\* +\| +[\d,]+ ms \| +[\d,]+ ms \| \+\d+ % \(95 % CI \+\d+ % to \+\d+ %\) +\| +0\.0[01]\d \| +5 \+ 5 \| ❌ regression/,
    );
  });

  it('finds no change when both sides serve the same page', async () => {
    const outcome = await runGate(
      settingsFor(baseline.origin, '/tmp/vitals-gate-ab-same'),
      nodeGateDeps(silent),
      { budgets },
    );
    const [result] = outcome.results.urls;
    const states = (result?.baseline?.comparisons ?? [])
      .filter((c) => !c.subpart)
      .map((c) => [c.metric, c.state]);
    expect(states.filter(([, state]) => state === 'regression' || state === 'improvement')).toEqual([]);
    expect(result?.verdict.status).not.toBe('fail');
  });
});
