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
  pageUrl = `${site.origin}/?vendorPixel=1&vendorWork=20&imageDelay=0`;
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

function check(requests: ReceivedRequest[]) {
  const own = requests.filter((request) => request.host.startsWith('127.0.0.1'));
  const third = requests.filter((request) => request.host.startsWith('localhost'));
  // The page, its hero image and the redirecting URL on the preview's host.
  expect(own.map((request) => request.path)).toEqual(
    expect.arrayContaining(['/?vendorPixel=1&vendorWork=20&imageDelay=0', '/hero.png?delay=0', '/to-vendor']),
  );
  for (const request of own)
    expect(carries(request), request.path).toMatchObject({ header: true, cookie: true });
  // Both third-party images arrived, neither with the header nor the cookie.
  expect(third.map((request) => request.path).sort()).toEqual([
    '/vendor/pixel.png?via=direct',
    '/vendor/pixel.png?via=redirect',
  ]);
  for (const request of third) expect(carries(request).anySecret, request.path).toBe(false);
}

describe('extra headers and cookies', () => {
  it('go to the preview host only in measured runs, and blocked URLs are not requested', async () => {
    const before = site.received().length;
    const run = await chrome.measure(pageUrl, 0);
    expect(run.error).toBeUndefined();
    const requests = site.received().slice(before);
    check(requests);
    expect(requests.some((request) => request.path.startsWith('/vendor/consent-manager.js'))).toBe(false);
    // The traceparent still goes on the document request only.
    expect(requests.filter((request) => request.traceparent).map((request) => request.path)).toEqual([
      '/?vendorPixel=1&vendorWork=20&imageDelay=0',
    ]);
  });

  it('go to the preview host only in the Lighthouse navigation, which blocks the same URLs', async () => {
    const before = site.received().length;
    const { summary } = await chrome.lighthouse(pageUrl);
    expect(summary.error).toBeUndefined();
    const requests = site.received().slice(before);
    check(requests);
    expect(requests.some((request) => request.path.startsWith('/vendor/consent-manager.js'))).toBe(false);
  });
});
