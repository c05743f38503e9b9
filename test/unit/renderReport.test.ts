import { describe, expect, it } from 'vitest';
import { aggregateRuns } from '../../src/aggregate/aggregateRuns.js';
import type { BudgetsFile } from '../../src/budgets/Budgets.js';
import { resolveBudget } from '../../src/budgets/resolveBudget.js';
import type { InteractionProfile } from '../../src/collect/InteractionProfile.js';
import { renderReport } from '../../src/report/renderReport.js';
import type { UrlResult } from '../../src/results/GateResults.js';
import { verdictForUrl } from '../../src/verdict/computeVerdict.js';
import { REPORT_BUDGETS as budgets, gateResults, run, urlResult, withInp } from '../helpers/fixtures.js';

function report() {
  const home = urlResult(
    'https://shop.example/',
    [withInp(run(0, 1200), 150, 120), withInp(run(1, 1300), 160, 130), withInp(run(2, 1250), 140, 110)],
    budgets,
  );
  const product = urlResult(
    'https://shop.example/product/1',
    [
      run(0, 2900),
      run(1, 3100),
      {
        ...run(2, 0),
        lcp: undefined,
        cls: undefined,
        fcp: undefined,
        ttfb: undefined,
        error: 'Navigation timeout of 60000 ms exceeded',
      },
    ],
    budgets,
  );
  return renderReport(gateResults([home, product]));
}

describe('renderReport', () => {
  it('renders the whole report (snapshot)', () => {
    expect(report()).toMatchSnapshot();
  });

  it('says the verdict and how many pages fail in the first lines', () => {
    const [headline, , summary] = report().split('\n');
    expect(headline).toBe('## ❌ vitals-gate: fail');
    expect(summary).toMatch(/^\*\*1 of 2 pages over budget\.\*\* Median of 3 runs per page/);
  });

  it('says why a page fails in its overview row', () => {
    const row = report()
      .split('\n')
      .find((line) => line.startsWith('| `/product/1`'));
    expect(row).toContain('❌ fail');
    expect(row).toContain('❌ LCP 3,000 ms > 2,500 ms<br>❌ LCP resource load duration 2,830 ms > 1,500 ms');
  });

  it('explains LCP by its subparts, with the element and resource', () => {
    const text = report();
    expect(text).toContain(
      '**Why LCP is 3,000 ms** (element `main>img.hero`, resource `https://cdn.example/hero.jpg`, type `img`):',
    );
    expect(text).toMatch(/\| Resource load duration +\| +2,830 ms \| +94 % \|/);
  });

  it('explains INP by its subparts and the scripts that ran, tagging third parties', () => {
    const text = report();
    expect(text).toContain(
      '**Why INP is 180 ms** (pointer interaction, on `button#add-to-cart`, page complete):',
    );
    expect(text).toMatch(/\| Processing duration +\| +150 ms \| +83 % \|/);
    expect(text).toMatch(
      /\| `https:\/\/cdn\.cookielaw\.org\/consent\.js` \| 🟥 third party \(Optanon\) \| +120 ms \| processing duration \| `DOCUMENT\.onclick` +\|/,
    );
    expect(text).toMatch(/\| `https:\/\/shop\.example\/assets\/app\.js` +\| first party +\| +30 ms \|/);
    expect(text).toContain('Third-party scripts ran 120 ms of the interaction (median).');
    expect(text).toContain(
      'Third-party script budget warn > 100 ms: 120 ms from the long animation frames (median over runs), ⚠️ warn.',
    );
    expect(text).toContain('⚠️ INP third-party scripts 120 ms > 100 ms');
  });

  it('shows the CPU-profiled code beside the long animation frames, and checks the budget against the larger', () => {
    // Long animation frames credit a first-party listener with all of its time; the profile finds that
    // 297 ms of it ran in a third-party function the listener called.
    const runs = [0, 1, 2].map((index) => withInp(run(index, 1200), 300, 0));
    const interactionProfile: InteractionProfile = {
      url: 'https://shop.example/',
      samplingIntervalUs: 200,
      wallMs: 1800,
      interactions: [
        {
          type: 'pointer',
          events: ['pointerdown', 'pointerup', 'click'],
          startTime: 900,
          duration: 330,
          scripts: [
            { url: 'https://cdn.cookielaw.org/consent.js', selfMs: 297 },
            { url: 'https://shop.example/assets/app.js', selfMs: 3 },
          ],
        },
      ],
    };
    const aggregate = aggregateRuns(runs, undefined, interactionProfile);
    const budget = resolveBudget(budgets, 'https://shop.example/');
    const result: UrlResult = {
      url: 'https://shop.example/',
      runs: runs.map((r) =>
        r.inp
          ? {
              ...r,
              inp: {
                ...r.inp,
                attribution: {
                  ...r.inp.attribution,
                  interactionTarget: 'BUTTON#add-to-cart.onclick',
                  interactionTargetSource: 'invoker',
                },
              },
            }
          : r,
      ),
      interactionProfile,
      aggregate,
      budget,
      verdict: verdictForUrl('https://shop.example/', aggregate, budget),
    };
    const text = renderReport(gateResults([result]));
    expect(text).toContain(
      'on `BUTTON#add-to-cart.onclick` (fallback: the browser gave no target; this is the listener that ran)',
    );
    expect(text).toContain(
      '**Code that ran during the slowest interaction** (CPU profile of one extra run, pointer interaction of 330 ms;',
    );
    expect(text).toMatch(
      /\| `https:\/\/cdn\.cookielaw\.org\/consent\.js` \| 🟥 third party \(Optanon\) \| +297 ms \| +99 % \|/,
    );
    expect(text).toContain('Third-party code ran 297 ms of 300 ms of script time (99 %).');
    expect(text).toContain(
      "Third-party script budget warn > 100 ms: 297 ms from the CPU profile's slowest interaction, the larger of the two attributions, ⚠️ warn.",
    );
    expect(text).toContain('⚠️ INP third-party scripts (CPU profile) 297 ms > 100 ms');
    const failed = renderReport(
      gateResults([
        {
          ...result,
          interactionProfile: {
            ...interactionProfile,
            interactions: [],
            error: 'net::ERR_CONNECTION_REFUSED',
          },
        },
      ]),
    );
    expect(failed).toContain(
      'The interaction profile (CPU profiler run) failed: net&#58;&#58;ERR\\_CONNECTION\\_REFUSED.',
    );
  });

  it('links each run to its backend trace when a trace-url template is set', () => {
    const traced = urlResult(
      'https://shop.example/',
      [{ ...run(0, 1200), traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01` }],
      budgets,
    );
    const results = gateResults([traced]);
    results.settings.traceUrl = 'https://tempo.example/trace/{traceId}';
    expect(renderReport(results)).toContain(
      `**Backend traces** of the document requests (TTFB): [run 1](https://tempo.example/trace/${'a'.repeat(32)})`,
    );
  });

  it('shows production p75 next to the lab median, and the lab-versus-field difference', () => {
    const fieldBudgets: BudgetsFile = {
      source: 'b.json',
      budgets: [
        { path: '/**', metrics: { LCP: { max: 4000, relativeTo: 'rum', tolerance: 10, warnTolerance: 5 } } },
      ],
    };
    const field = {
      status: 'found' as const,
      key: '/product/*',
      page: {
        metrics: { LCP: { p75: 2300 }, CLS: { p75: 0.05 } },
        lcpSubparts: { resourceLoadDuration: 900 },
      },
    };
    const product = urlResult(
      'https://shop.example/product/1',
      [run(0, 2900), run(1, 3100)],
      fieldBudgets,
      field,
    );
    const results = gateResults([product]);
    results.field = {
      source: 'crux',
      snapshot: {
        source: 'crux',
        description: 'CrUX API, PHONE',
        formFactor: 'phone',
        period: { from: '2026-10-24', to: '2026-11-20' },
        collectedAt: '2026-11-22T00:00:00Z',
        pages: { '/product/*': field.page },
      },
    };
    const text = renderReport(results);
    expect(text).toContain(
      '**Field data** (production p75): CrUX API, PHONE · form factor phone · 2026-10-24 – 2026-11-20 · 1 page(s).',
    );
    expect(text).toMatch(
      /\| \*\*LCP\*\* +\| 3,000 ms \| +100 ms \| +2 \| 2,300 ms 🟢 \| +\+30 % \| ≤ 4,000 ms; ≤ p75 \+ 10 %, warn > p75 \+ 5 % \|/,
    );
    expect(text).toMatch(/\| `\/product\/1` \| ❌ fail \| [^|]+\| ❌ 3,000 ms \|/);
    expect(text).toContain('❌ LCP 3,000 ms > production p75 2,300 ms + 10 % (2,530 ms)');
    expect(text).toContain('Field data matched as `/product/*`.');
    expect(text).toMatch(/\| Resource load duration \| 2,830 ms \| +94 % \| `[█░]+` \| +900 ms \|/);
  });

  it('says plainly which field source failed and why, and keeps the absolute verdict', () => {
    const home = urlResult('https://shop.example/', [run(0, 1200)], budgets);
    const results = gateResults([home]);
    results.field = {
      source: 'prometheus',
      error: 'Prometheus http://prom:9090: connect ECONNREFUSED 127.0.0.1:9090',
    };
    const text = renderReport(results);
    expect(text).toContain(
      '**Field data unavailable** (prometheus): Prometheus http&#58;//prom&#58;9090&#58; connect ECONNREFUSED 127.0.0.1&#58;9090. The verdict uses the absolute budgets only.',
    );
    expect(text.split('\n')[0]).toBe('## ✅ vitals-gate: pass');
  });

  it('lists failed runs and Server-Timing entries', () => {
    const text = report();
    expect(text).toContain("- run 3 failed (the page's failure): Navigation timeout of 60000 ms exceeded");
    expect(text).toContain(
      '**TTFB 100 ms** (median); by phase, as DevTools names them, each its own median over the runs: request sent and waiting for server response 97 ms · initial connection 2 ms · redirects and queueing 1 ms',
    );
    expect(text).toContain('**Server-Timing** (run 3): `db` 60 ms product query');
    expect(text).toContain('**Layout shift:** largest shift 0.020 at 900 ms on `main>div.promo`');
  });

  it('says when a run was loaded twice, and when its LCP is kept although Chrome missed a larger image', () => {
    const retried = { ...run(0, 1200), remeasured: 'Chrome recorded no LCP candidate for a loaded image' };
    const kept = {
      ...run(1, 900),
      lcpAnomaly:
        'Chrome recorded no LCP candidate for a loaded image larger than the reported LCP element (https://shop.example/<b>hero</b>.jpg)',
    };
    const text = renderReport(gateResults([urlResult('https://shop.example/', [retried, kept], budgets)]));
    expect(text).toContain('- run 1 was loaded twice: Chrome recorded no LCP candidate for a loaded image');
    expect(text).toContain(
      "- run 2's LCP is kept as reported, but may be a smaller element than users see: Chrome recorded no LCP candidate for a loaded image larger than the reported LCP element (https&#58;//shop.example/&lt;b&gt;hero&lt;/b&gt;.jpg)",
    );
  });

  it('says pass when every page is within budget', () => {
    const home = urlResult('https://shop.example/', [run(0, 1200)], budgets);
    const text = renderReport(gateResults([home]));
    expect(text.split('\n')[0]).toBe('## ✅ vitals-gate: pass');
    expect(text).toContain('**The page is within budget.**');
  });

  it('escapes hostile strings that come from the page', () => {
    const hostile = run(0, 1200);
    if (hostile.lcp) {
      hostile.lcp.attribution.target = 'img[alt="x|y"]`<img src=x onerror=alert(1)>';
      hostile.lcp.attribution.url = 'https://evil.example/@everyone';
    }
    if (hostile.ttfb) {
      hostile.ttfb.attribution.serverTiming = [
        {
          name: 'db|x',
          duration: 5,
          description: '<script>alert(1)</script> @octocat [x](https://evil.example)',
        },
      ];
    }
    const text = renderReport(gateResults([urlResult('https://shop.example/', [hostile], budgets)]));
    // Raw HTML from the page may appear only inside code spans, where it is inert.
    const outsideCode = text.replace(/(`+)(?:(?!\1).)+\1/g, '');
    expect(outsideCode).not.toContain('<img');
    expect(outsideCode).not.toContain('<script>');
    expect(text).not.toMatch(/[^`\u200d]@octocat/);
    expect(text).toContain('``img[alt="x|y"]`<img src=x onerror=alert(1)>``');
    expect(text).toContain('&lt;script&gt;');
    expect(text).toContain('@\u200doctocat');
    expect(text).not.toContain('](https://evil');
  });
});
