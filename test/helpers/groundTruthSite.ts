import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { heroImage } from '../../src/demo/heroImage.js';

/**
 * A loopback site whose slow parts are injected and therefore known, to check measured numbers against.
 * One page, `/page`, shaped by its query:
 * - `lcp=text|image`: the largest element is a paragraph, or an image (`/hero.png`, real high-entropy
 *   pixels: Chrome skips low-entropy images for LCP) below a short heading;
 * - `server=N`: N ms before the HTML's headers are sent;
 * - `image=N`: N ms before the image's headers are sent;
 * - `css=N`: a render-blocking stylesheet whose headers are sent after N ms (-1: none);
 * - `shift=T`: T ms after the load event a banner is inserted at the top of a bordered container, above a
 *   block one viewport tall (-1: no shift). The banner is max(10vw, 10vh) tall, so the block moves by a tenth
 *   of the viewport's larger side and covers the viewport before and after: the shift scores 0.100 on any
 *   viewport, and its source is `#moved` (the border stops margin collapsing from naming `body`);
 * - `busy=N`: the `#busy` button's click handler spins N ms;
 * - `clickShift=T`: T ms after a click on `#busy`, the same banner is inserted (an input-caused shift).
 */
export interface GroundTruthSite {
  origin: string;
  close(): Promise<void>;
}

function ms(value: string | null, fallback: number): number {
  const parsed = Number(value);
  return value !== null && Number.isFinite(parsed)
    ? Math.min(Math.max(Math.round(parsed), -1), 30_000)
    : fallback;
}

const TEXT = 'Ground truth. '.repeat(60);

function pageHtml(query: URLSearchParams): string {
  const lcp = query.get('lcp') === 'image' ? 'image' : 'text';
  const css = ms(query.get('css'), -1);
  const shift = ms(query.get('shift'), -1);
  const busy = ms(query.get('busy'), 0);
  const clickShift = ms(query.get('clickShift'), -1);
  const image = ms(query.get('image'), 0);
  const main =
    lcp === 'image'
      ? `<h1>Hero</h1><img id="hero" src="/hero.png?delay=${image}" width="1200" height="600" alt="hero">`
      : `<p id="text">${TEXT}</p>`;
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ground truth</title>
<style>
body { margin: 0; font: 20px/1.4 sans-serif; }
#frame { border: 1px solid #888; }
#moved { min-height: 100vh; }
#banner { height: max(10vw, 10vh); background: #fc0; }
#hero { display: block; width: 100%; height: auto; }
h1 { margin: 0; font-size: 16px; }
p { margin: 0; }
</style>
${css >= 0 ? `<link rel="stylesheet" href="/style.css?delay=${css}">` : ''}
</head><body>
<div id="frame"><div id="moved">${main}<button id="busy">Busy</button></div></div>
<script>
function insertBanner() {
  var banner = document.createElement('div');
  banner.id = 'banner';
  var frame = document.getElementById('frame');
  frame.insertBefore(banner, frame.firstChild);
}
document.getElementById('busy').addEventListener('click', function () {
  var end = performance.now() + ${busy};
  while (performance.now() < end) {}
  this.textContent = 'Done';
  ${clickShift >= 0 ? `setTimeout(insertBanner, ${clickShift});` : ''}
});
${shift >= 0 ? `addEventListener('load', function () { setTimeout(insertBanner, ${shift}); });` : ''}
</script>
</body></html>`;
}

async function handle(request: IncomingMessage, response: ServerResponse, hero: Buffer): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://ground.invalid');
  const query = url.searchParams;
  if (url.pathname === '/hero.png') {
    await sleep(ms(query.get('delay'), 0));
    response.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' }).end(hero);
  } else if (url.pathname === '/style.css') {
    await sleep(ms(query.get('delay'), 0));
    response.writeHead(200, { 'content-type': 'text/css', 'cache-control': 'no-store' });
    response.end('p { color: #222; }');
  } else if (url.pathname === '/page') {
    await sleep(Math.max(0, ms(query.get('server'), 0)));
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(pageHtml(query));
  } else {
    response.writeHead(url.pathname === '/favicon.ico' ? 204 : 404).end();
  }
}

/** Starts the site on a free loopback port. */
export async function startGroundTruthSite(): Promise<GroundTruthSite> {
  const hero = heroImage();
  const server = createServer((request, response) => {
    handle(request, response, hero).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
