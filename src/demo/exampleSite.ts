import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPORT_BINDING } from '../collect/inPageScript.js';
import { heroImage } from './heroImage.js';

/**
 * The example site: pages whose slowness is known because it is injected. Served on loopback by the
 * `demo` command and by the end-to-end tests.
 *
 * Page query parameters (any page path):
 * - `imageDelay` ms before the hero image (the LCP element) is sent;
 * - `serverDelay` ms before the HTML is sent (reported in Server-Timing as `db`);
 * - `shiftAfter` ms after load at which a banner is inserted above the hero (a layout shift; -1 = none);
 * - `block` ms of main-thread busy work in one task right after load (a long task after FCP in a real
 *   trace; Lighthouse's simulated TBT may still place it before its simulated FCP);
 * - `clickWork` ms of busy work in the first-party click handler of the "Add to cart" button
 *   (`#add-to-cart`), which then changes the button's text;
 * - `vendorWork` ms of busy work in a click listener of a third-party "consent manager" script, served
 *   from a second loopback host name (`localhost` when the page is on 127.0.0.1); 0 = no such script;
 * - `vendorPixel=1` adds two 1×1 images from the second host name: one linked directly, one through a
 *   redirect from the page's own host (`/to-vendor`), to see what a third party receives;
 * - `muteReports=1` silences vitals-gate's in-page reporting at DOMContentLoaded (a page that breaks the
 *   measurement), to check that a lost LCP report fails the run instead of under-reporting LCP;
 * - `hostile=1` puts markup-breaking strings where a measured page could: the hero's id (the LCP and
 *   shift selector) and a Server-Timing description.
 *
 * Named pages have defaults: `/` is quick, `/product/<id>` has a slow hero image, a late banner and a
 * slow "Add to cart" with a third-party listener.
 */
export interface PageOptions {
  imageDelay: number;
  serverDelay: number;
  shiftAfter: number;
  block: number;
  clickWork: number;
  vendorWork: number;
  vendorPixel: boolean;
  muteReports: boolean;
  hostile: boolean;
}

/** Strings a hostile or careless page can put into what vitals-gate reports. */
export const HOSTILE = {
  id: 'hero|`x`@everyone',
  serverTiming: '<img src=x onerror=alert(1)> @octocat [x](https://evil.example)',
};

const PAGE_DEFAULTS: Record<string, PageOptions> = {
  home: {
    imageDelay: 200,
    serverDelay: 40,
    shiftAfter: -1,
    block: 0,
    clickWork: 0,
    vendorWork: 0,
    vendorPixel: false,
    muteReports: false,
    hostile: false,
  },
  product: {
    imageDelay: 2000,
    serverDelay: 120,
    shiftAfter: 300,
    block: 150,
    clickWork: 80,
    vendorWork: 120,
    vendorPixel: false,
    muteReports: false,
    hostile: false,
  },
};

function clampMs(raw: string | null, fallback: number): number {
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  return Number.isFinite(value) ? Math.max(-1, Math.min(60_000, Math.round(value))) : fallback;
}

export function pageOptions(url: URL): PageOptions {
  const defaults = (
    url.pathname.startsWith('/product') ? PAGE_DEFAULTS.product : PAGE_DEFAULTS.home
  ) as PageOptions;
  return {
    imageDelay: clampMs(url.searchParams.get('imageDelay'), defaults.imageDelay),
    serverDelay: clampMs(url.searchParams.get('serverDelay'), defaults.serverDelay),
    shiftAfter: clampMs(url.searchParams.get('shiftAfter'), defaults.shiftAfter),
    block: clampMs(url.searchParams.get('block'), defaults.block),
    clickWork: clampMs(url.searchParams.get('clickWork'), defaults.clickWork),
    vendorWork: clampMs(url.searchParams.get('vendorWork'), defaults.vendorWork),
    vendorPixel: url.searchParams.get('vendorPixel') === '1',
    muteReports: url.searchParams.get('muteReports') === '1',
    hostile: url.searchParams.get('hostile') === '1',
  };
}

const busy = (ms: number) => `var end = performance.now() + ${ms}; while (performance.now() < end) {}`;

/** The third-party script: a document click listener that keeps the main thread busy. */
function vendorScript(work: number): string {
  return `document.addEventListener('click', function consentManagerClick() {
  ${busy(work)}
});`;
}

function pageHtml(title: string, options: PageOptions, vendorOrigin: string): string {
  const shiftScript =
    options.shiftAfter >= 0
      ? `addEventListener('load', function () {
  setTimeout(function () {
    var banner = document.createElement('div');
    banner.className = 'promo';
    banner.textContent = 'Free shipping on every order today only!';
    var main = document.getElementById('content');
    main.insertBefore(banner, main.firstChild);
  }, ${options.shiftAfter});
});`
      : '';
  const blockScript =
    options.block > 0
      ? `(function () { var end = performance.now() + ${options.block}; while (performance.now() < end) {} })();`
      : '';
  const vendorTag =
    options.vendorWork > 0
      ? `<script src="${vendorOrigin}/vendor/consent-manager.js?work=${options.vendorWork}"></script>`
      : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Example store</title>
<style>
body { font-family: sans-serif; margin: 0; color: #222; }
header { padding: 12px 16px; background: #102a43; color: #fff; font-size: 14px; }
main { padding: 16px; }
.hero { display: block; width: 100%; height: auto; aspect-ratio: 2 / 1; }
.promo { background: #ffd166; padding: 24px 16px; font-size: 18px; }
p { font-size: 14px; line-height: 1.5; }
</style>
</head>
<body>
<header>Example store — ${title}</header>
<main id="content">
<img class="hero"${options.hostile ? ` id="${HOSTILE.id}"` : ''} src="/hero.png?delay=${options.imageDelay}" alt="Summer collection" width="1200" height="600">
<p>Light cotton shirts, linen trousers and canvas shoes for the warm months.</p>
${
  options.vendorPixel
    ? `<img src="${vendorOrigin}/vendor/pixel.png?via=direct" alt="" width="1" height="1"><img src="/to-vendor" alt="" width="1" height="1">`
    : ''
}
<button id="add-to-cart" class="add-to-cart" type="button">Add to cart</button>
</main>
<script>${blockScript}${
    options.muteReports
      ? `\ndocument.addEventListener('DOMContentLoaded', function () { self[${JSON.stringify(REPORT_BINDING)}] = function () {}; });`
      : ''
  }
${shiftScript}
document.getElementById('add-to-cart').addEventListener('click', function addToCart(event) {
  ${busy(options.clickWork)}
  event.currentTarget.textContent = 'Added to cart';
});</script>
${vendorTag}
</body>
</html>`;
}

let heroBytes: Buffer | undefined;

/** A request the site received: its path, the trace context it carried, its host and headers. */
export interface ReceivedRequest {
  path: string;
  traceparent?: string;
  /** The Host header: `127.0.0.1:PORT` or, for the second host name, `localhost:PORT`. */
  host: string;
  headers: IncomingMessage['headers'];
}

/** The other loopback host name, so scripts from it are third party to the page. */
function vendorOriginFor(request: IncomingMessage): string {
  const host = request.headers.host ?? '127.0.0.1';
  const port = /:(\d+)$/.exec(host)?.[1] ?? '80';
  const other = host.startsWith('localhost') ? '127.0.0.1' : 'localhost';
  return `http://${other}:${port}`;
}

/** Options of a whole site instance. */
export interface SiteOptions {
  /** Added to every page's server delay: a "deploy" that made the backend slower by this many ms. */
  extraServerDelay?: number;
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  log: ReceivedRequest[],
  site: SiteOptions,
): Promise<void> {
  heroBytes ??= heroImage();
  const hero = heroBytes;
  const url = new URL(request.url ?? '/', 'http://example.invalid');
  const traceparent = request.headers.traceparent;
  log.push({
    path: `${url.pathname}${url.search}`,
    ...(typeof traceparent === 'string' ? { traceparent } : {}),
    host: request.headers.host ?? '',
    headers: request.headers,
  });
  if (log.length > 1000) log.splice(0, log.length - 1000);
  if (url.pathname === '/vendor/consent-manager.js') {
    response.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
    response.end(vendorScript(clampMs(url.searchParams.get('work'), 0)));
    return;
  }
  if (url.pathname === '/to-vendor') {
    response.writeHead(302, { location: `${vendorOriginFor(request)}/vendor/pixel.png?via=redirect` });
    response.end();
    return;
  }
  if (url.pathname === '/hero.png' || url.pathname === '/vendor/pixel.png') {
    await sleep(clampMs(url.searchParams.get('delay'), 0));
    response.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
    response.end(hero);
    return;
  }
  if (url.pathname === '/favicon.ico') {
    response.writeHead(204).end();
    return;
  }
  if (url.pathname !== '/' && !/^\/product(\/[\w-]+)?\/?$/.test(url.pathname)) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const options = pageOptions(url);
  const started = performance.now();
  await sleep(options.serverDelay + (site.extraServerDelay ?? 0));
  const db = performance.now() - started;
  const title = url.pathname === '/' ? 'Home' : 'Product';
  const html = pageHtml(title, options, vendorOriginFor(request));
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'server-timing': `db;dur=${db.toFixed(1)};desc="${options.hostile ? HOSTILE.serverTiming : 'product query'}", app;dur=${(performance.now() - started - db).toFixed(1)};desc="render"`,
  });
  response.end(html);
}

export interface RunningSite {
  /** Origin of the site, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** The requests received so far (the last thousand), oldest first. */
  received(): ReceivedRequest[];
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

function close(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/**
 * Starts the example site on loopback (port 0 picks a free port). It also answers on [::1] where the
 * machine has IPv6, so `localhost` (the third-party host name) works whichever address Chrome tries first.
 */
export async function startExampleSite(
  port = 0,
  host = '127.0.0.1',
  site: SiteOptions = {},
): Promise<RunningSite> {
  const log: ReceivedRequest[] = [];
  const serve = () =>
    createServer((request, response) => {
      handle(request, response, log, site).catch(() => {
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
    });
  const server = serve();
  await listen(server, port, host);
  const address = server.address() as AddressInfo;
  const servers = [server];
  const ipv6 = serve();
  if (
    await listen(ipv6, address.port, '::1').then(
      () => true,
      () => false,
    )
  )
    servers.push(ipv6);
  return {
    origin: `http://${host}:${address.port}`,
    received: () => [...log],
    close: async () => {
      await Promise.all(servers.map(close));
    },
  };
}
