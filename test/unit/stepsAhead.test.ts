import { describe, expect, it } from 'vitest';
import { aheadOfRun } from '../../src/gate/stepsAhead.js';

const RUN = { run: true, lighthouse: false };

describe('aheadOfRun: the pages to open while a run closes', () => {
  it('asks for the next run page, then Lighthouse’s before the last run, then the next URL’s', () => {
    const steps = { runs: 4, lighthouse: true, moreUrls: true };
    expect([0, 1, 2, 3].map((i) => aheadOfRun(i, steps))).toEqual([
      RUN,
      RUN,
      { run: true, lighthouse: true },
      { run: true, lighthouse: true },
    ]);
  });

  it('opens nothing after the last run of the last URL without Lighthouse', () => {
    const steps = { runs: 2, lighthouse: false, moreUrls: false };
    expect([0, 1].map((i) => aheadOfRun(i, steps))).toEqual([RUN, { run: false, lighthouse: false }]);
  });

  it('with one run, asks at once for Lighthouse’s page and the next URL’s as they apply', () => {
    expect(aheadOfRun(0, { runs: 1, lighthouse: true, moreUrls: false })).toEqual({
      run: false,
      lighthouse: true,
    });
    expect(aheadOfRun(0, { runs: 1, lighthouse: false, moreUrls: true })).toEqual(RUN);
  });
});
