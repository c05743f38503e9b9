import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Ground truth for third-party time inside first-party handlers, on 127.0.0.1: `/nested` has a first-party
 * click listener (on `#go`) that calls `vendorWork(300)` from a script served by `localhost` (another
 * registrable domain), which busy-loops 300 ms; `/own` has the listener loop 300 ms itself. `?work=N`
 * changes the 300.
 */
export interface ThirdPartySite {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `http://localhost:<port>/vendor.js` */
  vendorUrl: string;
  close(): Promise<void>;
}

const VENDOR =
  'function vendorWork(ms) { var end = performance.now() + ms; while (performance.now() < end) {} }';

function page(vendorUrl: string, body: string): string {
  return `<!doctype html><html><head><title>profile</title>
<script src="${vendorUrl}"></script></head><body>
<h1 id="go">Click me</h1><p>Some text so that the page paints.</p>
<script>
function ownWork(ms) { var end = performance.now() + ms; while (performance.now() < end) {} }
document.querySelector('#go').addEventListener('click', function () { ${body} });
</script></body></html>`;
}

export async function startThirdPartySite(): Promise<ThirdPartySite> {
  let vendorUrl = '';
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/vendor.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(VENDOR);
      return;
    }
    const work = Math.min(5000, Number(url.searchParams.get('work') ?? 300) || 0);
    const body = url.pathname === '/nested' ? `vendorWork(${work});` : `ownWork(${work});`;
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page(vendorUrl, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  vendorUrl = `http://localhost:${port}/vendor.js`;
  return {
    origin: `http://127.0.0.1:${port}`,
    vendorUrl,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
