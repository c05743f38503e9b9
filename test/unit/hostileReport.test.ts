import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/renderReport.js';
import { REPORT_BUDGETS as budgets, gateResults, run, urlResult } from '../helpers/fixtures.js';

// What the report says about runs that hostile pages made: whose failure, dialogs, redirect chains.
function report(): string {
  const page = urlResult(
    'https://shop.example/',
    [
      run(0, 1200, {
        dialogs: ['alert: "hello"', 'confirm: "sure?"'],
        redirects: ['https://shop.example/', 'https://sso.example/check', 'https://shop.example/?ok=1'],
      }),
      run(1, 1300, {
        error: "the browser's last LCP candidate (900 ms) was not reported by web-vitals",
        failure: { by: 'tool', kind: 'lcp-unreported' },
      }),
      run(2, 1250, {
        error:
          "the page's main thread was blocked for > 12 s after load (no answer until the run's timeout of 15 s)",
        failure: { by: 'page', kind: 'frozen' },
      }),
    ],
    budgets,
  );
  return renderReport(gateResults([page]));
}

describe('the report on hostile pages', () => {
  it("fails the page for the page's failure and says whose failure each failed run was", () => {
    const text = report();
    expect(text).toContain('- 1 run failed because of the page');
    expect(text).toContain(
      "- run 3 failed (the page's failure): the page's main thread was blocked for &gt; 12 s after load (no answer until the run's timeout of 15 s)",
    );
    expect(text).toContain(
      "- run 2 was left out (the measurement's failure, not the page's): the browser's last LCP candidate (900 ms) was not reported by web-vitals",
    );
    expect(text).toContain('1 of 3 runs succeeded');
    expect(text.split('\n')[0]).toBe('## ❌ vitals-gate: fail');
  });

  it('lists dismissed dialogs and a redirect chain that passed through another host', () => {
    const text = report();
    // Page text is escaped (markdown renders the entities as the characters).
    expect(text).toContain(
      '- run 1 opened dialogs, each dismissed: alert&#58; &quot;hello&quot;, confirm&#58; &quot;sure?&quot;',
    );
    expect(text).toContain(
      '- run 1 was redirected through another host: `https://shop.example/` → `https://sso.example/check` → `https://shop.example/?ok=1`',
    );
  });
});
