import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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
 *   trace; Lighthouse's simulated TBT may still place it before its simulated FCP).
 *
 * Named pages have defaults: `/` is quick, `/product/<id>` has a slow hero image and a late banner.
 */
export interface PageOptions {
  imageDelay: number;
  serverDelay: number;
  shiftAfter: number;
  block: number;
}

const PAGE_DEFAULTS: Record<string, PageOptions> = {
  home: { imageDelay: 200, serverDelay: 40, shiftAfter: -1, block: 0 },
  product: { imageDelay: 2000, serverDelay: 120, shiftAfter: 300, block: 150 },
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
  };
}

function pageHtml(title: string, options: PageOptions): string {
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
<img class="hero" src="/hero.png?delay=${options.imageDelay}" alt="Summer collection" width="1200" height="600">
<p>Light cotton shirts, linen trousers and canvas shoes for the warm months.</p>
</main>
<script>${blockScript}
${shiftScript}</script>
</body>
</html>`;
}

let heroBytes: Buffer | undefined;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  heroBytes ??= heroImage();
  const hero = heroBytes;
  const url = new URL(request.url ?? '/', 'http://example.invalid');
  if (url.pathname === '/hero.png') {
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
  await sleep(options.serverDelay);
  const db = performance.now() - started;
  const title = url.pathname === '/' ? 'Home' : 'Product';
  const html = pageHtml(title, options);
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'server-timing': `db;dur=${db.toFixed(1)};desc="product query", app;dur=${(performance.now() - started - db).toFixed(1)};desc="render"`,
  });
  response.end(html);
}

export interface RunningSite {
  /** Origin of the site, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  close(): Promise<void>;
}

/** Starts the example site on loopback; port 0 picks a free port. */
export async function startExampleSite(port = 0, host = '127.0.0.1'): Promise<RunningSite> {
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
