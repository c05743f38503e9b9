import { describe, expect, it } from 'vitest';
import { classifyRun, crossHostChain, sameHost } from '../../src/collect/classifyRun.js';
import type { RunFacts } from '../../src/collect/watchRun.js';

const URL_ASKED = 'https://preview.example/shop';
const facts = (extra: Partial<RunFacts> = {}): RunFacts => ({
  phase: 'loaded',
  expired: false,
  cancelled: false,
  commits: [URL_ASKED],
  dialogs: [],
  ...extra,
});
const run = (
  extra: { status?: number; error?: string; failure?: { by: 'page' | 'tool'; kind: 'hidden' } } = {},
) => ({
  url: URL_ASKED,
  status: 200,
  ...extra,
});

describe('classifyRun', () => {
  it.each([
    ['a clean run', run(), facts(), undefined, undefined],
    ['a cancelled run', run(), facts({ cancelled: true }), 'tool', 'cancelled'],
    [
      'a login wall on another host',
      run(),
      facts({ commits: ['https://sso.example/login'] }),
      'page',
      'other-host',
    ],
    ['HTTP 401', run({ status: 401 }), facts(), 'page', 'protected'],
    ['HTTP 403', run({ status: 403 }), facts(), 'page', 'protected'],
    ['HTTP 502', run({ status: 502 }), facts(), 'page', 'http-error'],
    [
      'a broken transfer',
      run(),
      facts({ documentFailed: 'net::ERR_CONTENT_LENGTH_MISMATCH' }),
      'page',
      'broken-transfer',
    ],
    [
      'a script sending the page away',
      run(),
      facts({ commits: [URL_ASKED, 'https://evil.example/'] }),
      'page',
      'other-host',
    ],
    ['a frozen main thread', run(), facts({ expired: true, blockedForMs: 9000 }), 'page', 'frozen'],
    ['no answer', run(), facts({ expired: true, phase: 'waiting', commits: [] }), 'page', 'timeout'],
    [
      'a hidden tab (the measurement’s)',
      run({ error: 'hidden', failure: { by: 'tool', kind: 'hidden' } }),
      facts(),
      'tool',
      'hidden',
    ],
    [
      'a thrown error',
      run({ error: 'net::ERR_CONNECTION_REFUSED' }),
      facts({ commits: [] }),
      'page',
      'other',
    ],
  ] as const)('%s', (_, given, seen, by, kind) => {
    const result = classifyRun(given, seen, 10_000);
    expect(result.failure?.by).toBe(by);
    expect(result.failure?.kind).toBe(kind);
    expect(Boolean(result.error)).toBe(by !== undefined);
  });

  it('names the final URL and the inputs to use for a protection wall', () => {
    const wall = classifyRun(run(), facts({ commits: ['https://sso.example/login?next=%2F'] }), 10_000);
    expect(wall.error).toBe(
      'the page ended on another host, https://sso.example/login?next=%2F (asked for https://preview.example/shop): a login or access wall? If the preview is protected, give the credentials with `extra-headers` or `cookies`; otherwise measure the final URL',
    );
    expect(wall.dropMetrics).toBe(true);
  });

  it('says how long the main thread was blocked, in whole seconds, and in which phase', () => {
    const after = classifyRun(run(), facts({ expired: true, blockedForMs: 12_600 }), 15_000);
    expect(after.error).toBe(
      "the page's main thread was blocked for > 12 s after load (no answer until the run's timeout of 15 s)",
    );
    const before = classifyRun(run(), facts({ expired: true, phase: 'loading', blockedForMs: 5_000 }), 5_000);
    expect(before.error).toMatch(
      /^the page's main thread was blocked for > 5 s before its load event finished/,
    );
  });

  it('treats an apex-to-www redirect as the same host', () => {
    expect(sameHost('https://example.com/', 'https://www.example.com/x')).toBe(true);
    expect(sameHost('http://127.0.0.1:8080/', 'http://localhost:8080/')).toBe(false);
  });

  it('shows a redirect chain only when a hop left the host', () => {
    expect(crossHostChain(['https://a.example/', 'https://a.example/b'])).toBeUndefined();
    expect(crossHostChain(['https://a.example/', 'https://sso.example/', 'https://a.example/'])).toBe(
      'https://a.example/ → https://sso.example/ → https://a.example/',
    );
  });
});
