import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Measurer } from '../../src/collect/Measurer.js';
import { type ReceivedRequest, type RunningSite, startExampleSite } from '../../src/demo/exampleSite.js';
import { launchDesktopChrome } from '../helpers/chrome.js';

// A protected preview's bypass header and cookie must reach the preview's host and nothing else. The
// example page on 127.0.0.1 loads images from `localhost` (a second host): one directly, one through a
// redirect from the preview's own host.
const SECRET_HEADER = 'x-preview-bypass';
const SECRET = 'hdr-s3cret-value';
const COOKIE = 'ck-s3cret-value';

let site: RunningSite;
let chrome: Measurer;
let pageUrl: string;

beforeAll(async () => {
  site = await startExampleSite();
  pageUrl = `${site.origin}${PAGE_PATH}`;
  chrome = await launchDesktopChrome(
    {
      headers: { [SECRET_HEADER]: SECRET },
      cookies: [{ name: 'preview_session', value: COOKIE }],
      block: ['*/vendor/consent-manager.js*'],
    },
    [pageUrl],
  );
});

afterAll(async () => {
  await chrome?.close();
  await site?.close();
});

const carries = (request: ReceivedRequest) => ({
  header: request.headers[SECRET_HEADER] === SECRET,
  cookie: String(request.headers.cookie ?? '').includes(`preview_session=${COOKIE}`),
  anySecret: JSON.stringify(request.headers).includes('s3cret'),
});

const PAGE_PATH = '/?vendorPixel=1&vendorWork=20&imageDelay=0';

/** Checks the requests of `loads` loads of the page (a run can load it twice: see the first test). */
function check(requests: ReceivedRequest[], loads: number) {
  const own = requests.filter((request) => request.host.startsWith('127.0.0.1'));
  const third = requests.filter((request) => request.host.startsWith('localhost'));
  const times = (paths: string[]) => Array.from({ length: loads }, () => paths).flat();
  // Each load: the page, its hero image and the redirecting URL on the preview's host.
  expect(own.map((request) => request.path)).toEqual(
    expect.arrayContaining(times([PAGE_PATH, '/hero.png?delay=0', '/to-vendor'])),
  );
  for (const request of own)
    expect(carries(request), request.path).toMatchObject({ header: true, cookie: true });
  // Each load: both third-party images, neither with the header nor the cookie.
  expect(third.map((request) => request.path).sort()).toEqual(
    times(['/vendor/pixel.png?via=direct', '/vendor/pixel.png?via=redirect']).sort(),
  );
  for (const request of third) expect(carries(request).anySecret, request.path).toBe(false);
}

describe('extra headers and cookies', () => {
  it('go to the preview host only in measured runs, and blocked URLs are not requested', async () => {
    const before = site.received().length;
    const run = await chrome.measure(pageUrl, 0);
    expect(run.error).toBeUndefined();
    const requests = site.received().slice(before);
    // A run loads the page twice when Chrome's LCP record missed the loaded hero image (seen under load):
    // the run then says so (remeasured), and each load makes the same requests.
    const loads = requests.filter((request) => request.path === PAGE_PATH).length;
    expect(loads).toBe(run.remeasured ? 2 : 1);
    check(requests, loads);
    expect(requests.some((request) => request.path.startsWith('/vendor/consent-manager.js'))).toBe(false);
    // The traceparent still goes on the document requests only, a new one per load.
    const traced = requests.filter((request) => request.traceparent);
    expect(traced.map((request) => request.path)).toEqual(Array(loads).fill(PAGE_PATH));
    expect(new Set(traced.map((request) => request.traceparent)).size).toBe(loads);
    expect(traced.at(-1)?.traceparent).toBe(run.traceparent);
  });

  it('go to the preview host only in the Lighthouse navigation, which blocks the same URLs', async () => {
    const before = site.received().length;
    const { summary } = await chrome.lighthouse(pageUrl);
    expect(summary.error).toBeUndefined();
    const requests = site.received().slice(before);
    check(requests, 1);
    expect(requests.some((request) => request.path.startsWith('/vendor/consent-manager.js'))).toBe(false);
  });
});
