import { describe, expect, it } from 'vitest';
import { defaultBudgets } from '../../src/budgets/defaultBudgets.js';
import { mergeResults, type ShardPart } from '../../src/merge/mergeResults.js';
import { renderComment } from '../../src/report/renderComment.js';
import { renderReport } from '../../src/report/renderReport.js';
import type { GateResults } from '../../src/results/GateResults.js';
import { gateResults, run, urlResult } from '../helpers/fixtures.js';

const budgets = defaultBudgets();
const page = (path: string, lcp: number) =>
  urlResult(`https://preview.example${path}`, [run(0, lcp), run(1, lcp), run(2, lcp)], budgets);

function shard(
  index: number,
  count: number,
  pages: ReturnType<typeof page>[],
  assigned = pages,
  total = 4,
): ShardPart {
  const results: GateResults = {
    ...gateResults(pages),
    shard: { index, count, device: 'mobile', urls: assigned.map((p) => p.url), total },
  };
  return { source: `shard-${index}/results.json`, results };
}

describe('mergeResults', () => {
  const a = page('/a', 1200);
  const b = page('/b', 3000); // LCP needs improvement: warns with the default budgets
  const c = page('/c', 5000); // poor: fails
  const d = page('/d', 1500);

  it('gives one set of results with every URL once and the worst verdict of the parts', () => {
    const merged = mergeResults([shard(2, 2, [c, d]), shard(1, 2, [a, b])]);
    // In shard order without a plan (with one, in the plan's order).
    expect(merged.urls.map((u) => u.url)).toEqual([a.url, b.url, c.url, d.url]);
    expect(new Set(merged.urls.map((u) => u.url))).toEqual(new Set([a.url, b.url, c.url, d.url]));
    expect(merged.verdict.status).toBe('fail');
    expect(merged.verdict.urls.map((u) => [u.url, u.status]).sort()).toEqual(
      gateResults([a, b, c, d])
        .verdict.urls.map((u) => [u.url, u.status])
        .sort(),
    );
    expect(merged.shard).toBeUndefined();
    expect(merged.merge).toEqual({ count: 2, merged: [1, 2], problems: [] });
    expect(mergeResults([shard(1, 2, [a, b], [a, b], 3), shard(2, 2, [d], [d], 3)]).verdict.status).toBe(
      'warn',
    );
  });

  it('makes a missing shard an error, said first, and never claims every page is within budget', () => {
    const merged = mergeResults([shard(1, 3, [a], [a], 3), shard(3, 3, [d], [d], 3)]);
    expect(merged.verdict.status).toBe('error');
    expect(merged.merge?.problems).toEqual([
      'shard 2 of 3 is missing (its job failed or uploaded no results)',
    ]);
    const report = renderReport(merged);
    expect(report).toMatch(
      /^## 🛑 vitals-gate: error\n\n> \[!CAUTION\]\n> \*\*Not every shard was measured, so the verdict is error\*\* \(2 of 3 shards merged\):\n> - shard 2 of 3 is missing/,
    );
    expect(report).not.toContain('pages are within budget');
    expect(report).toContain(
      '**Incomplete: 2 pages measured; the pages of the missing shards are not judged.**',
    );
    expect(renderComment(merged, { name: 'vitals-gate', links: {} })).toContain(
      'Not every shard was measured',
    );
  });

  it('makes a shard that did not measure every assigned page, or could not be read, an error', () => {
    const partial = mergeResults([shard(1, 2, [a], [a, b]), shard(2, 2, [c, d])]);
    expect(partial.verdict.status).toBe('error');
    expect(partial.merge?.problems).toEqual([
      `shard 1 of 2 measured 1 of its 2 pages (not measured: ${b.url})`,
    ]);
    const unreadable = mergeResults([
      shard(1, 2, [a, b]),
      { source: 'shard-2/results.json', error: 'not valid JSON' },
    ]);
    expect(unreadable.verdict.status).toBe('error');
    expect(unreadable.merge?.problems).toContain('shard-2/results.json: not valid JSON');
    expect(mergeResults([shard(1, 2, [a, b])], 3).merge?.problems).toContain(
      'shard-1/results.json is shard 1 of 2, not of 3',
    );
  });

  it('makes shards that disagree on the split, or do not cover it, an error', () => {
    expect(mergeResults([shard(1, 2, [a, b]), shard(2, 2, [c], [c], 3)]).merge?.problems).toEqual([
      'the shards disagree on the split (4 vs 3 pages in all): did their jobs get different inputs?',
    ]);
    expect(mergeResults([shard(1, 2, [a, b]), shard(2, 2, [c])]).merge?.problems).toEqual([
      "the shards were assigned 3 of the split's 4 pages",
    ]);
  });

  it('refuses the same URL in two shards, and nothing to merge', () => {
    expect(() => mergeResults([shard(1, 2, [a, b]), shard(2, 2, [b, c])])).toThrow(
      `${b.url} (mobile) is in two shards (shard-1/results.json and shard-2/results.json)`,
    );
    expect(() => mergeResults([])).toThrow('No shard results to merge');
  });

  it('keeps one URL measured on two devices twice, each labelled with its device', () => {
    const mobile = shard(1, 2, [a], [a], 2);
    const desktop = shard(2, 2, [a], [a], 2);
    if (desktop.results?.shard) desktop.results.shard.device = 'desktop';
    const merged = mergeResults([mobile, desktop]);
    expect(merged.urls.map((u) => [u.url, u.device])).toEqual([
      [a.url, 'mobile'],
      [a.url, 'desktop'],
    ]);
    expect(renderReport(merged)).toContain('### ✅ `/a` (desktop)');
  });

  it('makes a cancelled shard an error', () => {
    const cancelled = shard(2, 2, [c], [c, d]);
    if (cancelled.results)
      cancelled.results.cancelled = { reason: 'SIGTERM', measured: '1 run of 1 of 2 pages' };
    const merged = mergeResults([shard(1, 2, [a, b]), cancelled]);
    expect(merged.verdict.status).toBe('error');
    expect(merged.cancelled).toBeUndefined();
    expect(merged.merge?.problems).toContain(
      'shard 2 of 2 was cancelled (SIGTERM) after 1 run of 1 of 2 pages',
    );
  });
});
