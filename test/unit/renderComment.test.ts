import { describe, expect, it } from 'vitest';
import { COMMENT_LIMIT, commentMarker, renderComment } from '../../src/report/renderComment.js';
import { REPORT_BUDGETS as budgets, gateResults, run, urlResult, withInp } from '../helpers/fixtures.js';

function results(pages = 2) {
  const urls = Array.from({ length: pages }, (_, page) =>
    urlResult(
      page === 0 ? 'https://shop.example/' : `https://shop.example/product/${page}`,
      page === 0
        ? [withInp(run(0, 1200), 150, 20), withInp(run(1, 1300), 160, 30), withInp(run(2, 1250), 140, 25)]
        : [run(0, 2900), run(1, 3100), run(2, 3000)],
      budgets,
    ),
  );
  return gateResults(urls, 'perf/budgets.json');
}

const links = {
  runUrl: 'https://github.com/acme/shop/actions/runs/91',
  artifactUrl: 'https://github.com/acme/shop/actions/runs/91/artifacts/5',
};
const SHA = '4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39';

describe('renderComment', () => {
  it('renders the comment (snapshot)', () => {
    expect(renderComment(results(), { name: 'vitals-gate', links, sha: SHA })).toMatchSnapshot();
  });

  it('starts with the keyed marker and a one-line verdict', () => {
    const lines = renderComment(results(), { name: 'mobile', links, sha: SHA }).split('\n');
    expect(lines[0]).toBe('<!-- vitals-gate:mobile -->');
    expect(lines[1]).toBe('## ❌ vitals-gate: fail');
    expect(lines[3]).toBe('**1 of 2 pages over budget.**');
  });

  it('has one table per page: lab median (spread), budget, status; reasons; attribution folded', () => {
    const body = renderComment(results(), { name: 'vitals-gate', links, sha: SHA });
    expect(body).toMatch(/\| Metric +\| +Lab median \(spread\) \| Budget +\| Status +\|/);
    expect(body).toMatch(/\| \*\*LCP\*\* +\| +3,000 ms \(IQR 100 ms\) \| ≤ 2,500 ms/);
    expect(body).toContain('- ❌ LCP 3,000 ms > 2,500 ms');
    expect(body).toContain(
      '<details><summary>Why: subparts, scripts, layout shifts, server timing</summary>',
    );
    expect(body).toContain(
      '[workflow run and full report](https://github.com/acme/shop/actions/runs/91) · [results and Lighthouse reports (artifact)](https://github.com/acme/shop/actions/runs/91/artifacts/5)',
    );
    expect(body).toContain('Measured at 4f2a9c1');
  });

  it('keeps a marker that cannot close the HTML comment early', () => {
    expect(commentMarker('a-->b')).toBe('<!-- vitals-gate:a-b -->');
  });

  it('stays under the limit by dropping whole sections, never cutting a table', () => {
    const big = results(80);
    const full = renderComment(big, { name: 'g', links });
    expect(full.length).toBeGreaterThan(40_000);
    expect(full.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    for (const limit of [30_000, 12_000, 2_000]) {
      const body = renderComment(big, { name: 'g', links, maxLength: limit });
      expect(body.length).toBeLessThanOrEqual(limit);
      expect(body.startsWith('<!-- vitals-gate:g -->\n## ❌ vitals-gate: fail')).toBe(true);
      expect(body).toContain(
        "Some detail is left out to keep this comment under GitHub's 65,536-character limit",
      );
      // Every table that is there is whole: each row has as many cells as its header.
      const tables = body.split('\n\n').filter((block) => block.startsWith('|'));
      for (const table of tables) {
        const counts = table.split('\n').map((row) => row.split(/(?<!\\)\|/).length);
        expect(new Set(counts).size).toBe(1);
      }
    }
    expect(renderComment(big, { name: 'g', links, maxLength: 30_000 })).not.toContain('<details>');
    expect(renderComment(big, { name: 'g', links, maxLength: 2_000 })).not.toContain('| Page');
  });
});
