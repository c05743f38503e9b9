import { describe, expect, it } from 'vitest';
import { collectFieldData } from '../../src/field/collectFieldData.js';
import { matchFieldPage } from '../../src/field/matchFieldPage.js';
import { type RecordedRequest, type Reply, withServer } from '../helpers/recordingServer.js';

const now = () => new Date('2026-11-22T08:00:00Z');
/** Waits between CrUX retries are recorded, not slept; requests go to real loopback servers. */
const slept: number[] = [];
const deps = {
  readText: async () => '',
  now,
  fetch: (url: string, init: RequestInit) => fetch(url, init),
  sleep: async (ms: number) => void slept.push(ms),
};
const KEY = 'AIzaSy-test-key-0123456789';

// Response shapes as the CrUX API documents them (CLS percentiles and bin edges are strings).
const cruxRecord = (lcp: number) => ({
  record: {
    key: { url: 'https://shop.example/', formFactor: 'PHONE' },
    metrics: {
      largest_contentful_paint: {
        histogram: [
          { start: 0, end: 2500, density: 0.81 },
          { start: 2500, end: 4000, density: 0.12 },
          { start: 4000, density: 0.07 },
        ],
        percentiles: { p75: lcp },
      },
      cumulative_layout_shift: {
        histogram: [
          { start: '0.00', end: '0.10', density: 0.9 },
          { start: '0.10', end: '0.25', density: 0.06 },
          { start: '0.25', density: 0.04 },
        ],
        percentiles: { p75: '0.05' },
      },
      interaction_to_next_paint: { percentiles: { p75: 180 } },
      first_contentful_paint: { percentiles: { p75: 1400 } },
      experimental_time_to_first_byte: { percentiles: { p75: 600 } },
      largest_contentful_paint_image_time_to_first_byte: { percentiles: { p75: 620 } },
      largest_contentful_paint_image_resource_load_delay: { percentiles: { p75: 310 } },
      largest_contentful_paint_image_resource_load_duration: { percentiles: { p75: 900 } },
      largest_contentful_paint_image_element_render_delay: { percentiles: { p75: 120 } },
      largest_contentful_paint_resource_type: { fractions: { image: 0.72, text: 0.28 } },
      navigation_types: { fractions: { navigate: 0.8, reload: 0.05, back_forward: 0.15 } },
    },
    collectionPeriod: {
      firstDate: { year: 2026, month: 10, day: 24 },
      lastDate: { year: 2026, month: 11, day: 20 },
    },
  },
  urlNormalizationDetails: { originalUrl: 'https://shop.example/', normalizedUrl: 'https://shop.example/' },
});
const notFound: Reply = {
  status: 404,
  body: { error: { code: 404, message: 'chrome ux report data not found', status: 'NOT_FOUND' } },
};
const rateLimited: Reply = {
  status: 429,
  body: {
    error: {
      code: 429,
      message: "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute'",
      status: 'RESOURCE_EXHAUSTED',
    },
  },
};
const queryOf = (request: RecordedRequest) => JSON.parse(request.body) as Record<string, string>;

describe('CrUX API source (local server with the API’s response formats)', () => {
  it('reads URL records, falls back to the origin on 404, and sends the lab form factor', async () => {
    await withServer(
      (request) => {
        const query = queryOf(request);
        if (query.url === 'https://shop.example/') return { status: 200, body: cruxRecord(2300) };
        if (query.origin === 'https://shop.example') return { status: 200, body: cruxRecord(2700) };
        return notFound;
      },
      async (crux) => {
        const outcome = await collectFieldData(
          { source: 'crux', cruxApiKey: KEY, url: crux.origin },
          ['https://shop.example/', 'https://shop.example/cart', 'https://other.example/'],
          'mobile',
          {},
          deps,
        );
        expect(outcome.error).toBeUndefined();
        const snapshot = outcome.snapshot;
        expect(snapshot?.pages['/']).toEqual({
          metrics: {
            LCP: { p75: 2300 },
            CLS: { p75: 0.05 },
            INP: { p75: 180 },
            FCP: { p75: 1400 },
            TTFB: { p75: 600 },
          },
          lcpSubparts: {
            timeToFirstByte: 620,
            resourceLoadDelay: 310,
            resourceLoadDuration: 900,
            elementRenderDelay: 120,
          },
          scope: 'page',
        });
        expect(snapshot?.pages['*']?.scope).toBe('origin');
        expect(snapshot?.period).toEqual({ from: '2026-10-24', to: '2026-11-20' });
        expect(snapshot?.formFactor).toBe('phone');
        expect(crux.requests.map((r) => queryOf(r))).toEqual([
          { url: 'https://shop.example/', formFactor: 'PHONE' },
          { url: 'https://shop.example/cart', formFactor: 'PHONE' },
          { origin: 'https://shop.example', formFactor: 'PHONE' },
          { url: 'https://other.example/', formFactor: 'PHONE' },
          { origin: 'https://other.example', formFactor: 'PHONE' },
        ]);
        expect(crux.requests[0]?.url).toBe(`/v1/records:queryRecord?key=${KEY}`);
        const cart = matchFieldPage(snapshot as never, 'https://shop.example/cart');
        expect(cart).toMatchObject({ status: 'found', key: '*', page: { scope: 'origin' } });
      },
    );
  });

  it('asks for DESKTOP data when the lab device is desktop', async () => {
    await withServer(
      () => ({ status: 200, body: cruxRecord(1500) }),
      async (crux) => {
        await collectFieldData(
          { source: 'crux', cruxApiKey: KEY, url: crux.origin },
          ['https://shop.example/'],
          'desktop',
          {},
          deps,
        );
        expect(queryOf(crux.requests[0] as RecordedRequest).formFactor).toBe('DESKTOP');
      },
    );
  });

  it('retries 429 with backoff, then succeeds', async () => {
    slept.length = 0;
    let calls = 0;
    const reply = () => (++calls <= 2 ? rateLimited : { status: 200, body: cruxRecord(2300) });
    await withServer(reply, async (crux) => {
      const outcome = await collectFieldData(
        { source: 'crux', cruxApiKey: KEY, url: crux.origin },
        ['https://shop.example/'],
        'mobile',
        {},
        deps,
      );
      expect(outcome.snapshot?.pages['/']?.metrics.LCP?.p75).toBe(2300);
      expect(crux.requests).toHaveLength(3);
      expect(slept).toEqual([1000, 2000]);
    });
  });

  it('gives up after a bounded number of 429s, saying why without leaking the key', async () => {
    slept.length = 0;
    await withServer(
      () => rateLimited,
      async (crux) => {
        const outcome = await collectFieldData(
          { source: 'crux', cruxApiKey: KEY, url: crux.origin },
          ['https://shop.example/'],
          'mobile',
          {},
          deps,
        );
        expect(crux.requests).toHaveLength(4);
        expect(slept).toEqual([1000, 2000, 4000]);
        expect(outcome.snapshot).toBeUndefined();
        expect(outcome.error).toBe(
          "CrUX API (https://shop.example/) answered HTTP 429 RESOURCE_EXHAUSTED: Quota exceeded for quota metric 'Queries' and limit 'Queries per minute' (after 4 attempts)",
        );
        expect(JSON.stringify(outcome)).not.toContain(KEY);
      },
    );
  });

  it('reports a rejected key (400) and an unreachable API as field data errors', async () => {
    const closedOrigin = await withServer(
      () => ({
        status: 400,
        body: {
          error: {
            code: 400,
            message: 'API key not valid. Please pass a valid API key.',
            status: 'INVALID_ARGUMENT',
          },
        },
      }),
      async (crux) => {
        const outcome = await collectFieldData(
          { source: 'crux', cruxApiKey: KEY, url: crux.origin },
          ['https://shop.example/'],
          'mobile',
          {},
          deps,
        );
        expect(outcome.error).toBe(
          'CrUX API (https://shop.example/) answered HTTP 400 INVALID_ARGUMENT: API key not valid. Please pass a valid API key.',
        );
        return crux.origin;
      },
    );
    // The same address once its server is gone: the API is unreachable.
    const down = await collectFieldData(
      { source: 'crux', cruxApiKey: KEY, url: closedOrigin },
      ['https://shop.example/'],
      'mobile',
      {},
      deps,
    );
    expect(down.error).toMatch(/^CrUX API \(https:\/\/shop\.example\/\): .*ECONNREFUSED/);
    expect(down.error).not.toContain(KEY);
  });
});

describe('Loki (Grafana Faro) source (local server with Loki’s response format)', () => {
  const vector = (result: { page_url: string; value: string }[]) => ({
    status: 200,
    body: {
      status: 'success',
      data: {
        resultType: 'vector',
        result: result.map((r) => ({ metric: { page_url: r.page_url }, value: [1763798400, r.value] })),
        stats: {},
      },
    },
  });

  it('queries quantile_over_time per metric, normalises page URLs and groups them by route', async () => {
    await withServer(
      (request) => {
        const query = new URL(request.url, 'http://x').searchParams.get('query') ?? '';
        if (query.includes('unwrap value_lcp')) {
          return vector([
            { page_url: 'https://shop.example/?utm_source=a', value: '1800.5' },
            { page_url: 'https://shop.example/?utm_source=b', value: '2100' },
            { page_url: 'https://shop.example/product/1', value: '2500' },
            { page_url: 'https://shop.example/product/2?ref=x', value: '2900' },
          ]);
        }
        if (query.includes('unwrap value_cls'))
          return vector([{ page_url: 'https://shop.example/', value: '0.04' }]);
        return vector([]);
      },
      async (loki) => {
        const outcome = await collectFieldData(
          { source: 'loki', url: loki.origin },
          [],
          'mobile',
          { routes: ['/product/*'], loki: { selector: '{kind="measurement", app="shop"}', window: '14d' } },
          deps,
        );
        expect(outcome.error).toBeUndefined();
        expect(outcome.snapshot?.pages).toEqual({
          '/': { metrics: { LCP: { p75: 2100 }, CLS: { p75: 0.04 } } },
          '/product/*': { metrics: { LCP: { p75: 2900 } } },
        });
        expect(outcome.snapshot?.period.window).toBe('14d');
        const first = new URL(loki.requests[0]?.url ?? '', 'http://x');
        expect(first.pathname).toBe('/loki/api/v1/query');
        expect(first.searchParams.get('query')).toBe(
          'quantile_over_time(0.75, {kind="measurement", app="shop"} | logfmt | type="web-vitals" | value_lcp!="" | unwrap value_lcp | __error__="" [14d]) by (page_url)',
        );
        expect(loki.requests).toHaveLength(5);
      },
    );
  });

  it('turns a Loki error answer into a field data error', async () => {
    await withServer(
      () => ({
        status: 400,
        body: {
          status: 'error',
          errorType: 'bad_data',
          error: 'parse error at line 1, col 5: syntax error: unexpected IDENTIFIER',
        },
      }),
      async (loki) => {
        const outcome = await collectFieldData({ source: 'loki', url: loki.origin }, [], 'mobile', {}, deps);
        expect(outcome.error).toBe(
          `Loki ${loki.origin} failed (HTTP 400, bad_data): parse error at line 1, col 5: syntax error: unexpected IDENTIFIER`,
        );
      },
    );
  });

  it('reports garbage (HTML from a proxy) clearly', async () => {
    await withServer(
      () => ({ status: 502, body: '<html>Bad Gateway</html>' }),
      async (proxy) => {
        const outcome = await collectFieldData({ source: 'loki', url: proxy.origin }, [], 'mobile', {}, deps);
        expect(outcome.error).toBe(`Loki ${proxy.origin} answered HTTP 502 without JSON`);
      },
    );
  });
});
