import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors/UserError.js';
import type { FieldSnapshot } from '../../src/field/FieldData.js';
import { histogramQuantile } from '../../src/field/histogramQuantile.js';
import { parseBeacons, parseFieldFile, parseFieldSnapshot } from '../../src/field/loadFieldFile.js';
import { matchFieldPage, normalizePage } from '../../src/field/matchFieldPage.js';

const now = new Date('2026-11-22T00:00:00Z');

describe('histogramQuantile (as Prometheus)', () => {
  const inf = Number.POSITIVE_INFINITY;
  it('interpolates linearly inside the bucket where the rank falls', () => {
    // 400 observations, rank 300 falls in (1, 2] which holds 100..350: 1 + (300 - 100) / 250 = 1.8
    expect(
      histogramQuantile(0.75, [
        { le: 1, count: 100 },
        { le: 2, count: 350 },
        { le: 4, count: 390 },
        { le: inf, count: 400 },
      ]),
    ).toBeCloseTo(1.8, 10);
  });
  it('starts the lowest bucket at 0 and answers the second-highest bound for the +Inf bucket', () => {
    expect(
      histogramQuantile(0.5, [
        { le: 2, count: 10 },
        { le: inf, count: 10 },
      ]),
    ).toBeCloseTo(1, 10);
    expect(
      histogramQuantile(0.75, [
        { le: 2, count: 1 },
        { le: 4, count: 2 },
        { le: inf, count: 10 },
      ]),
    ).toBe(4);
  });
  it('has no answer without observations or without a +Inf bucket', () => {
    expect(
      histogramQuantile(0.75, [
        { le: 1, count: 0 },
        { le: inf, count: 0 },
      ]),
    ).toBeUndefined();
    expect(histogramQuantile(0.75, [{ le: 1, count: 3 }])).toBeUndefined();
  });
});

describe('matchFieldPage', () => {
  const snapshot: FieldSnapshot = {
    source: 'file',
    description: 'test',
    period: {},
    collectedAt: now.toISOString(),
    pages: {
      '/': { metrics: { LCP: { p75: 1000 } } },
      '/product/*': { metrics: { LCP: { p75: 2000 } } },
      '/blog/**': { metrics: { LCP: { p75: 3000 } } },
      '*': { metrics: { LCP: { p75: 4000 } } },
    },
  };
  it('matches by path (query ignored), then by route, then by pattern key, then the origin', () => {
    expect(matchFieldPage(snapshot, 'https://x.example/?utm=1')).toMatchObject({ status: 'found', key: '/' });
    expect(matchFieldPage(snapshot, 'https://x.example/product/42')).toMatchObject({ key: '/product/*' });
    expect(matchFieldPage(snapshot, 'https://x.example/blog/2026/a')).toMatchObject({ key: '/blog/**' });
    const origin = matchFieldPage(snapshot, 'https://x.example/about');
    expect(origin).toMatchObject({ status: 'found', key: '*', page: { scope: 'origin' } });
  });
  it('says why when nothing matches', () => {
    const { '*': _, ...pages } = snapshot.pages;
    expect(matchFieldPage({ ...snapshot, pages }, 'https://x.example/about')).toEqual({
      status: 'missing',
      reason: 'no field data for /about',
    });
  });
  it('normalises URLs and paths', () => {
    expect(normalizePage('https://shop.example/cart/?step=2')).toBe('/cart');
    expect(normalizePage('/cart?step=2', true)).toBe('/cart?step=2');
    expect(normalizePage('checkout')).toBe('/checkout');
  });
});

describe('field data files', () => {
  it('reads a snapshot and names the JSON path of each mistake', () => {
    const snapshot = parseFieldSnapshot(
      '{"source":"crux","period":{"from":"2026-10-24","to":"2026-11-20"},"pages":{"/":{"metrics":{"LCP":{"p75":2100,"samples":900}}}}}',
      'field.json',
      now,
    );
    expect(snapshot.pages['/']?.metrics.LCP).toEqual({ p75: 2100, samples: 900 });
    expect(snapshot.description).toBe('file field.json');
    let message = '';
    try {
      parseFieldSnapshot(
        '{"pages":{"cart":{"metrics":{"LCP":{"p75":"fast"},"TBT":{"p75":1}}}}}',
        'field.json',
        now,
      );
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      message = (error as Error).message;
    }
    expect(message).toContain("Field data file 'field.json' is invalid (see field-data.schema.json)");
    expect(message).toContain("pages: key 'cart' must be a path starting with / (or * for the whole origin)");
    expect(message).toContain('pages.cart.metrics.LCP.p75: expected number');
    expect(message).toContain(
      "pages.cart.metrics: unknown property 'TBT'; expected one of: LCP, INP, CLS, FCP, TTFB",
    );
  });

  it('computes p75 from NDJSON beacons per page and route, equal to the known percentile', () => {
    const lines: string[] = [];
    // LCP 1..100 ms on /: the type-7 p75 of 1..100 is 75.25
    for (let value = 1; value <= 100; value++)
      lines.push(JSON.stringify({ name: 'LCP', value, page: `/?v=${value}` }));
    // CLS on two product pages grouped by the /product/* route
    lines.push(
      JSON.stringify({
        name: 'CLS',
        value: 0.1,
        pathname: '/product/1',
        rating: 'good',
        delta: 0.1,
        id: 'v1',
      }),
    );
    lines.push(JSON.stringify({ name: 'CLS', value: 0.3, pathname: '/product/2' }));
    lines.push(
      JSON.stringify({
        name: 'LCP',
        value: 2000,
        pathname: '/product/2',
        attribution: { resourceLoadDelay: 400 },
      }),
    );
    lines.push(JSON.stringify({ name: 'custom-metric', value: 1, page: '/' }));
    const snapshot = parseBeacons(`${lines.join('\n')}\n`, 'beacons.ndjson', { routes: ['/product/*'] }, now);
    expect(snapshot.pages['/']?.metrics.LCP).toEqual({ p75: 75.25, samples: 100 });
    expect(snapshot.pages['/product/*']?.metrics.CLS).toEqual({ p75: 0.25, samples: 2 });
    expect(snapshot.pages['/product/*']?.lcpSubparts).toEqual({ resourceLoadDelay: 400 });
    expect(snapshot.description).toBe('web-vitals beacons in beacons.ndjson (103 reports)');
  });

  it('names the line of a broken beacon', () => {
    const text = '{"name":"LCP","value":1,"page":"/"}\n{"name":"LCP","value":"slow","page":"/"}\n';
    expect(() => parseBeacons(text, 'b.ndjson', {}, now)).toThrow(
      "Field data file 'b.ndjson', line 2: 'value' must be a number",
    );
    expect(() => parseBeacons('{"name":"LCP","value":1}\n', 'b.ndjson', {}, now)).toThrow(
      'line 1: no page field (expected one of: page, pathname, path, url, page_url, href)',
    );
    expect(() => parseBeacons('{"name":"LCP",\n', 'b.ndjson', {}, now)).toThrow(
      /^Field data file 'b\.ndjson', line 1 is not valid JSON/,
    );
  });

  it('tells snapshots from beacons by name or content', () => {
    expect(
      parseFieldFile('{"name":"LCP","value":5,"page":"/"}', 'export.txt', {}, now).pages['/'],
    ).toBeDefined();
    expect(parseFieldFile('{"pages":{}}', 'field.json', {}, now).pages).toEqual({});
  });
});
