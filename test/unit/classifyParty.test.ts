import { describe, expect, it } from 'vitest';
import { classifyParty, registrableDomain } from '../../src/aggregate/classifyParty.js';
import { groupScripts } from '../../src/aggregate/groupScripts.js';

describe('classifyParty', () => {
  it('treats subdomains of the same registrable domain as first party', () => {
    expect(classifyParty('https://static.shop.co.uk/app.js', 'https://www.shop.co.uk/')).toEqual({
      party: 'first',
    });
  });

  it('separates sites under a private public suffix (github.io)', () => {
    expect(registrableDomain(new URL('https://a.github.io/x'))).toBe('a.github.io');
    expect(classifyParty('https://b.github.io/lib.js', 'https://a.github.io/')).toEqual({
      party: 'third',
      entity: 'GitHub',
    });
  });

  it('names known third parties by entity', () => {
    expect(classifyParty('https://www.googletagmanager.com/gtm.js?id=1', 'https://shop.example/')).toEqual({
      party: 'third',
      entity: 'Google Tag Manager',
    });
  });

  it('keeps another domain of the page’s own entity first party', () => {
    expect(classifyParty('https://static.xx.fbcdn.net/a.js', 'https://www.facebook.com/')).toEqual({
      party: 'first',
      entity: 'Facebook',
    });
  });

  it('compares hosts for IPs and localhost, and marks non-http sources unknown', () => {
    expect(classifyParty('http://localhost:8080/v.js', 'http://127.0.0.1:8080/').party).toBe('third');
    expect(classifyParty('http://127.0.0.1:9/a.js', 'http://127.0.0.1:8080/').party).toBe('first');
    expect(classifyParty('', 'https://shop.example/')).toEqual({ party: 'unknown' });
    expect(classifyParty('chrome-extension://abc/x.js', 'https://shop.example/')).toEqual({
      party: 'unknown',
    });
  });
});

describe('groupScripts', () => {
  const script = (sourceURL: string, invoker: string, processing: number, presentation = 0) => ({
    sourceURL,
    invoker,
    invokerType: 'event-listener',
    sourceFunctionName: '',
    duration: processing + presentation,
    forcedStyleAndLayoutDuration: 0,
    overlap: { inputDelay: 0, processingDuration: processing, presentationDelay: presentation },
  });

  it('sums the time of each source within the interaction, most first, with its main subpart', () => {
    const groups = groupScripts(
      [
        script('https://shop.example/app.js', 'BUTTON#buy.onclick', 40),
        script('https://cdn.cookielaw.org/otBanner.js', 'DOCUMENT.onclick', 90),
        script('https://shop.example/app.js', 'FrameRequestCallback', 0, 30),
        script('https://shop.example/idle.js', 'IdleCallback', 0),
      ],
      'https://shop.example/cart',
    );
    expect(groups.map((g) => [g.source, g.party, g.totalMs, g.mainSubpart])).toEqual([
      ['https://cdn.cookielaw.org/otBanner.js', 'third', 90, 'processingDuration'],
      ['https://shop.example/app.js', 'first', 70, 'processingDuration'],
    ]);
    expect(groups[1]?.invokers).toEqual(['BUTTON#buy.onclick', 'FrameRequestCallback']);
    expect(groups[0]?.entity).toBe('Optanon');
  });
});
