import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { fetchProbe, waitForPreview } from '../../src/collect/waitForPreview.js';
import { fetchCrux } from '../../src/field/cruxSource.js';
import { withRetries } from '../../src/github/withRetries.js';
import type { Logger } from '../../src/log/Logger.js';
import { retry, retryAfterMs } from '../../src/retry/retry.js';

const silent: Logger = { info: () => {}, warning: () => {}, debug: () => {}, group: (_name, fn) => fn() };

/** A clock that only moves when something sleeps; the waits are recorded. */
function fakeTime(start = Date.parse('2026-12-01T10:00:00Z')) {
  let now = start;
  const waits: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
    waits,
  };
}

describe('retryAfterMs', () => {
  it('reads delay-seconds and HTTP-dates, and ignores what it cannot read', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Tue, 01 Dec 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});

describe('retry', () => {
  it('waits the schedule, or longer when Retry-After asks (capped), then gives up with the last reason', async () => {
    const time = fakeTime();
    const answers = [
      { retry: 'HTTP 503' },
      { retry: 'HTTP 429', retryAfter: '5' },
      { retry: 'HTTP 429', retryAfter: '3600' },
      { retry: 'HTTP 502' },
    ];
    const outcome = await retry(async (n) => answers[n - 1] ?? { value: 'never' }, {
      delayMs: (n) => (n < 4 ? 1000 * n : undefined),
      maxRetryAfterMs: 20_000,
      ...time,
    });
    expect(time.waits).toEqual([1000, 5000, 20_000]);
    expect(outcome).toEqual({ gaveUp: 'HTTP 502', attempts: 4 });
  });

  it('never waits past the deadline', async () => {
    const time = fakeTime();
    const outcome = await retry(async () => ({ retry: 'HTTP 503', retryAfter: '120' }), {
      delayMs: () => 1000,
      deadline: time.now() + 30_000,
      ...time,
    });
    expect(time.waits).toEqual([30_000]);
    expect(outcome).toEqual({ gaveUp: 'HTTP 503', attempts: 2 });
  });
});

describe('Retry-After, honoured by each caller', () => {
  it('GitHub: a secondary rate limit (403 with Retry-After) is retried after that long; a plain 403 is not', async () => {
    const time = fakeTime();
    const limited = Object.assign(new Error('You have exceeded a secondary rate limit'), {
      status: 403,
      response: { headers: { 'retry-after': '12' } },
    });
    let calls = 0;
    const result = await withRetries(
      'create the comment',
      async () => {
        calls++;
        if (calls === 1) throw limited;
        return 'ok';
      },
      { delaysMs: [1000, 3000], sleep: time.sleep, log: silent },
    );
    expect(result).toBe('ok');
    expect(time.waits).toEqual([12_000]);
    const refused = Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
    await expect(
      withRetries('x', async () => Promise.reject(refused), {
        delaysMs: [1000],
        sleep: time.sleep,
        log: silent,
      }),
    ).rejects.toBe(refused);
    expect(time.waits).toEqual([12_000]);
  });

  it('CrUX: a 429 with Retry-After waits that long instead of the 1 s backoff', async () => {
    const time = fakeTime();
    const bodies: string[] = [];
    const answers = [
      new Response(JSON.stringify({ error: { code: 429, status: 'RESOURCE_EXHAUSTED' } }), {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '9' },
      }),
      new Response(
        JSON.stringify({ record: { metrics: { largest_contentful_paint: { percentiles: { p75: 2100 } } } } }),
        {
          status: 200,
        },
      ),
    ];
    const snapshot = await fetchCrux(
      ['https://shop.example/'],
      { apiKey: 'k', formFactor: 'PHONE' },
      new Date('2026-12-01T10:00:00Z'),
      {
        fetch: async (_url, init) => {
          bodies.push(String(init.body));
          return answers.shift() ?? new Response('{}', { status: 500 });
        },
        sleep: time.sleep,
      },
    );
    expect(time.waits).toEqual([9000]);
    expect(bodies).toHaveLength(2);
    expect(snapshot.pages['/']?.metrics.LCP?.p75).toBe(2100);
  });

  it('the preview wait: a 503 with Retry-After waits that long, within wait-timeout', async () => {
    const time = fakeTime();
    const answers = [{ status: 503, retryAfter: '10' }, { status: 503 }, { status: 200 }];
    await waitForPreview(['https://p.example/'], { headers: {}, cookies: [], block: [] }, 60_000, {
      ...time,
      log: silent,
      probe: async () => answers.shift() ?? { status: 200 },
    });
    expect(time.waits).toEqual([10_000, 2000]);
  });

  it('the real probe reads the status and Retry-After of a loopback server, without following redirects', async () => {
    const server = createServer((request, response) => {
      if (request.url === '/busy') response.writeHead(503, { 'retry-after': '4' }).end('deploying');
      else response.writeHead(302, { location: 'https://elsewhere.example/' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await fetchProbe(`${origin}/busy`, {})).toEqual({ status: 503, retryAfter: '4' });
      expect(await fetchProbe(`${origin}/moved`, {})).toEqual({ status: 302 });
    } finally {
      server.close();
    }
  });
});
