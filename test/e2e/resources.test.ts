import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Measurer } from '../../src/collect/Measurer.js';
import { launchDesktopChrome } from '../helpers/chrome.js';
import { startWeightsSite } from '../helpers/weightsSite.js';

// A loopback site with fixed, uncompressed bodies: the decoded bytes are exact and the wire bytes are the
// body plus the response headers (about 150 bytes from Node's http server: below HEADERS).
const KiB = 1024;
const HEADERS = 400;
let site: Awaited<ReturnType<typeof startWeightsSite>>;
let chrome: Measurer;

beforeAll(async () => {
  site = await startWeightsSite({
    scriptName: 'vendor.a1b2c3d4.js',
    scriptBytes: 200 * KiB,
    imageBytes: 50 * KiB,
  });
  chrome = await launchDesktopChrome();
});

afterAll(async () => {
  await chrome?.close();
  await site?.close();
});

describe('the network log of a run', () => {
  it('records each request with its wire and decoded bytes, the redirect hop, and no favicon', async () => {
    const run = await chrome.measure(`${site.origin}/`, 0);
    const requests = run.network?.requests ?? [];
    const byPath = new Map(requests.map((request) => [new URL(request.url).pathname, request]));
    expect([...byPath.keys()].sort()).toEqual([
      '/',
      '/assets/vendor.a1b2c3d4.js',
      '/img/photo.svg',
      '/old-vendor.js',
    ]);
    const script = byPath.get('/assets/vendor.a1b2c3d4.js');
    expect(script).toMatchObject({ type: 'script', resourceBytes: 200 * KiB, status: 200 });
    expect(script?.transferBytes).toBeGreaterThan(200 * KiB);
    expect(script?.transferBytes).toBeLessThan(200 * KiB + HEADERS);
    const image = byPath.get('/img/photo.svg');
    expect(image).toMatchObject({ type: 'image', resourceBytes: 50 * KiB });
    expect(image?.transferBytes).toBeGreaterThan(50 * KiB);
    expect(image?.transferBytes).toBeLessThan(50 * KiB + HEADERS);
    expect(byPath.get('/')).toMatchObject({ type: 'document', resourceBytes: site.htmlBytes });
    const hop = byPath.get('/old-vendor.js');
    expect(hop).toMatchObject({ type: 'script', status: 301, redirect: true, resourceBytes: 0 });
    expect(hop?.transferBytes).toBeGreaterThan(0);
    expect(hop?.transferBytes).toBeLessThan(HEADERS);
  });
});
