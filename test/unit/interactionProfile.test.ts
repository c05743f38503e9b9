import type { Protocol } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { UrlAggregate } from '../../src/aggregate/aggregateRuns.js';
import { summarize } from '../../src/aggregate/summarize.js';
import { summarizeProfile } from '../../src/aggregate/summarizeProfile.js';
import type { InteractionProfile } from '../../src/collect/InteractionProfile.js';
import { attributeSelfTime, interactionWindows } from '../../src/collect/profileInteractions.js';
import { verdictForUrl } from '../../src/verdict/computeVerdict.js';

const frame = (id: number, functionName: string, url: string): Protocol.Profiler.ProfileNode => ({
  id,
  callFrame: { functionName, url, scriptId: String(id), lineNumber: 0, columnNumber: 0 },
});

// A profile starting at 1,000,000 µs sampled every 1 ms from its start: 10 samples of the page's listener, 30 of the
// vendor's function it calls, 5 idle, 5 of Puppeteer's own screenshot helper.
const PROFILE: Protocol.Profiler.Profile = {
  nodes: [
    frame(1, '(root)', ''),
    frame(2, 'onClick', 'https://shop.example/app.js'),
    frame(3, 'vendorWork', 'https://cdn.vendor.example/v.js'),
    frame(4, '(idle)', ''),
    frame(5, 'screenshot', 'pptr:evaluate;CdpPage._screenshot'),
  ],
  startTime: 1_000_000,
  endTime: 1_050_000,
  samples: [...Array(10).fill(2), ...Array(30).fill(3), ...Array(5).fill(4), ...Array(5).fill(5)],
  timeDeltas: [0, ...Array(49).fill(1000)],
};

describe('the interaction profile', () => {
  it('groups event entries into interactions from the input to the last paint', () => {
    const windows = interactionWindows([
      { id: 7, name: 'pointerdown', startTime: 100, duration: 24 },
      { id: 7, name: 'click', startTime: 150, duration: 40 },
      { id: 9, name: 'keydown', startTime: 300, duration: 16 },
    ]);
    expect(windows).toEqual([
      { type: 'pointer', events: ['pointerdown', 'click'], startTime: 100, duration: 90 },
      { type: 'keyboard', events: ['keydown'], startTime: 300, duration: 16 },
    ]);
  });

  it('credits self time inside a window to the script that ran, leaving out idle time and Puppeteer', () => {
    // Page time 0 ms = profile time 1,000,000 µs; the window covers samples 5 to 44 (5-45 ms).
    const [inside, outside] = attributeSelfTime(
      PROFILE,
      [
        { startTime: 5, duration: 40 },
        { startTime: 60, duration: 10 },
      ],
      1_000_000,
    );
    expect(inside).toEqual([
      { url: 'https://cdn.vendor.example/v.js', selfMs: 30 },
      { url: 'https://shop.example/app.js', selfMs: 5 },
    ]);
    expect(outside).toEqual([]);
  });

  it('classifies the slowest interaction by party and gives the third-party share', () => {
    const profile: InteractionProfile = {
      url: 'https://shop.example/cart',
      samplingIntervalUs: 200,
      wallMs: 1500,
      interactions: [
        { type: 'keyboard', events: ['keydown'], startTime: 10, duration: 40, scripts: [] },
        {
          type: 'pointer',
          events: ['click'],
          startTime: 100,
          duration: 320,
          scripts: [
            { url: 'https://cdn.vendor.example/v.js', selfMs: 297 },
            { url: 'https://static.shop.example/app.js', selfMs: 2 },
            { url: '', selfMs: 1 },
          ],
        },
      ],
    };
    const summary = summarizeProfile(profile);
    expect(summary?.interactions).toBe(2);
    expect(summary?.slowest).toMatchObject({
      type: 'pointer',
      durationMs: 320,
      firstPartyMs: 2,
      thirdPartyMs: 297,
      unknownMs: 1,
    });
    expect(summary?.slowest.thirdPartyShare).toBeCloseTo(0.99, 2);
    expect(summary?.slowest.scripts.map((s) => [s.source, s.party])).toEqual([
      ['https://cdn.vendor.example/v.js', 'third'],
      ['https://static.shop.example/app.js', 'first'],
      ['(no URL)', 'unknown'],
    ]);
    expect(summarizeProfile({ ...profile, error: 'the page answered HTTP 500' })).toBeUndefined();
  });

  it('checks INP.thirdPartyScripts against the larger attribution and says which', () => {
    const budget = { matched: ['/**'], metrics: { INP: { thirdPartyScripts: { max: 100 } } } };
    const measured: UrlAggregate = {
      metrics: { INP: summarize([350]) },
      subparts: { LCP: {}, INP: {}, TTFB: {} },
      scripts: [],
      thirdPartyScripts: summarize([0]),
      successfulRuns: 3,
      pageFailures: 0,
      interactionFailures: 0,
    };
    const slowest = {
      type: 'pointer',
      durationMs: 320,
      scripts: [],
      firstPartyMs: 3,
      thirdPartyMs: 297,
      unknownMs: 0,
      thirdPartyShare: 0.99,
    };
    const check = (aggregate: UrlAggregate) =>
      verdictForUrl('https://shop.example/', aggregate, budget).checks.find(
        (c) => c.subpart === 'thirdPartyScripts',
      );
    expect(check({ ...measured, profiledScripts: { interactions: 1, slowest } })).toMatchObject({
      value: 297,
      basis: 'cpu-profile',
      status: 'fail',
    });
    expect(check(measured)).toMatchObject({ value: 0, basis: 'long-animation-frames', status: 'pass' });
    const framesLarger = { ...measured, thirdPartyScripts: summarize([150]) };
    expect(check({ ...framesLarger, profiledScripts: { interactions: 1, slowest } })).toMatchObject({
      value: 297,
      basis: 'cpu-profile',
    });
    expect(
      check({
        ...framesLarger,
        profiledScripts: { interactions: 1, slowest: { ...slowest, thirdPartyMs: 20 } },
      }),
    ).toMatchObject({ value: 150, basis: 'long-animation-frames', status: 'fail' });
  });
});
