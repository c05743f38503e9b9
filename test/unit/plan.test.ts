import { describe, expect, it } from 'vitest';
import type { FieldPage, FieldSnapshot } from '../../src/field/FieldData.js';
import { buildPlan, type PlanInput } from '../../src/plan/buildPlan.js';
import { chooseDevices } from '../../src/plan/chooseDevices.js';
import { parsePlan } from '../../src/plan/readPlanFile.js';
import { scorePage, severity } from '../../src/plan/scorePage.js';
import { planSection } from '../../src/report/planSection.js';

const now = new Date('2026-12-01T00:00:00Z');

function snapshot(pages: Record<string, FieldPage>): FieldSnapshot {
  return {
    source: 'prometheus',
    description: 'Prometheus test',
    period: {},
    collectedAt: now.toISOString(),
    pages,
  };
}

const lcp = (p75: number, samples: number): FieldPage => ({ metrics: { LCP: { p75, samples } } });

// 1000 page views: /product/* 600 (3 pages), /blog/* 300 (2 pages), / 100.
const perPage = snapshot({
  '/': lcp(1800, 100),
  '/product/1': lcp(3000, 300),
  '/product/2': lcp(3200, 200),
  '/product/3': lcp(3400, 100),
  '/blog/a': lcp(2000, 200),
  '/blog/b': lcp(2200, 100),
});
const perRoute = snapshot({
  '/': lcp(1800, 100),
  '/product/*': lcp(3100, 600),
  '/blog/*': lcp(2100, 300),
});

function input(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    pages: perPage,
    routes: perRoute,
    views: new Map(Object.entries(perPage.pages).map(([key, page]) => [key, page.metrics.LCP?.samples ?? 0])),
    routePatterns: ['/product/*', '/blog/*'],
    devices: chooseDevices(undefined, 'mobile'),
    filters: {},
    runs: 5,
    estimate: () => 20,
    now,
    ...overrides,
  };
}

describe('scorePage', () => {
  it('is the share of page views times the worst p75 over its good threshold', () => {
    expect(severity({ LCP: 3100, CLS: 0.05 })).toEqual({ value: 3100 / 2500, metric: 'LCP' });
    expect(severity({ LCP: 2000, CLS: 0.3 }).metric).toBe('CLS');
    expect(severity({ LCP: 2000, CLS: 0.3 }).value).toBeCloseTo(3, 10);
    expect(scorePage(0.6, { LCP: 3100 })).toBeCloseTo(0.6 * 1.24, 10);
    expect(scorePage(0.5, {})).toBe(0);
  });
});

describe('chooseDevices', () => {
  it('measures every device class with at least 20 % of page views, phones and tablets as mobile', () => {
    expect(
      chooseDevices({ phone: 0.55, tablet: 0.05, desktop: 0.4 }, 'desktop').map((d) => d.device),
    ).toEqual(['mobile', 'desktop']);
    const [only, ...rest] = chooseDevices({ phone: 0.85, tablet: 0.0, desktop: 0.15 }, 'desktop');
    expect(rest).toEqual([]);
    expect(only).toEqual({
      device: 'mobile',
      share: 0.85,
      reason: '85 % of page views, phones and tablets (CrUX form factors)',
    });
  });

  it('falls back to the configured device without form factors', () => {
    expect(chooseDevices(undefined, 'desktop')).toEqual([
      { device: 'desktop', reason: 'the configured device (no CrUX form factors)' },
    ]);
  });
});

describe('buildPlan', () => {
  it('groups pages by route, picks the busiest page of each, and orders by share × severity', () => {
    const plan = buildPlan(input());
    expect(plan.pages.map((page) => [page.path, page.route, page.share])).toEqual([
      ['/product/1', '/product/*', 0.6],
      ['/blog/a', '/blog/*', 0.3],
      ['/', undefined, 0.1],
    ]);
    expect(plan.pages[0]?.p75).toEqual({ LCP: 3100 });
    expect(plan.pages[0]?.score).toBeCloseTo(0.6 * (3100 / 2500), 10);
    expect(plan.pages[0]?.reason).toBe(
      'measured because its route /product/* (3 pages) carries 60 % of page views and its p75 LCP is 3.1 s',
    );
    expect(plan.pages[2]?.reason).toBe(
      'measured because it carries 10 % of page views and its p75 LCP is 1.8 s (good)',
    );
    expect(plan.field).toBe(perRoute);
    expect(plan.shards).toBe(1);
    expect(plan.shardDevices).toEqual(['mobile']);
  });

  it('applies top, min-share, include and exclude, and always measures urls', () => {
    const top = buildPlan(input({ filters: { top: 1 } }));
    expect(top.pages.map((page) => page.path)).toEqual(['/product/1']);
    expect(top.skipped.map((entry) => entry.path)).toEqual(['/blog/a', '/']);
    const minShare = buildPlan(input({ filters: { minShare: 0.2 } }));
    expect(minShare.pages.map((page) => page.path)).toEqual(['/product/1', '/blog/a']);
    expect(minShare.skipped).toEqual([{ path: '/', reason: '10 % of page views, under min-share 20 %' }]);
    const excluded = buildPlan(input({ filters: { exclude: ['/product/1'], include: ['/product/**'] } }));
    expect(excluded.pages.map((page) => page.path)).toEqual(['/product/2']);
    const always = buildPlan(input({ filters: { always: ['/product/3', '/checkout'], top: 1 } }));
    expect(always.pages.map((page) => [page.path, page.always])).toEqual([
      ['/product/3', true],
      ['/checkout', true],
      ['/blog/a', undefined],
    ]);
    expect(always.pages[0]?.reason).toBe(
      'always measured (urls); its route /product/* (3 pages) carries 60 % of page views and its p75 LCP is 3.1 s',
    );
    expect(always.pages[1]?.reason).toBe('always measured (urls)');
  });

  it('asks for the shards a wall-time target needs, one device per shard', () => {
    const plan = buildPlan(
      input({
        devices: chooseDevices({ phone: 0.6, desktop: 0.4 }, 'mobile'),
        estimate: (_path, device) => (device === 'mobile' ? 120 : 60),
        filters: { maxMinutes: 4 },
      }),
    );
    // mobile: 3 × 120 s = 6 min → 2 shards; desktop: 3 × 60 s = 3 min → 1 shard.
    expect(plan.shards).toBe(3);
    expect(plan.shardDevices).toEqual(['mobile', 'mobile', 'desktop']);
    expect(plan.estimatedMinutes).toBe(4);
  });

  it('weighs routes equally when the source gives no counts', () => {
    const plan = buildPlan(input({ views: new Map() }));
    expect(plan.pages.every((page) => page.share === undefined)).toBe(true);
    expect(plan.pages[0]?.path).toBe('/product/1');
  });

  it('writes a plan that its schema accepts, and a broken one is refused naming the field', () => {
    const plan = buildPlan(input());
    expect(parsePlan(JSON.stringify(plan), 'plan.json', now).pages).toEqual(plan.pages);
    expect(() =>
      parsePlan(JSON.stringify({ ...plan, pages: [{ path: 'no-slash' }] }), 'plan.json', now),
    ).toThrow(/Plan file 'plan.json' is invalid \(see plan.schema.json\):\n {2}- .*pages\[0\]/);
  });

  it('is shown in the report: why each page, on which devices, what was left out', () => {
    const { field: _field, ...plan } = buildPlan(
      input({ devices: chooseDevices({ phone: 0.7, desktop: 0.3 }, 'mobile'), filters: { top: 2 } }),
    );
    const markdown = planSection(plan).join('\n');
    expect(markdown).toMatchSnapshot();
    expect(markdown).toContain(
      '| `/product/1` | 60 % | measured because its route /product/\\* (3 pages) carries 60 % of page views and its p75 LCP is 3.1 s |',
    );
    expect(markdown).toContain(
      '2 pages, 2 shards. Devices — mobile: 70 % of page views, phones and tablets (CrUX form factors); desktop: 30 % of page views (CrUX form factors).',
    );
    expect(markdown).toContain('Left out: `/` (score 0.072, below the top 2).');
  });
});
