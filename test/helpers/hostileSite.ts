import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Pages that misbehave the way real previews do, served on 127.0.0.1; `otherHost` is the same server under
 * the other loopback name (`localhost`), which the browser treats as another host (a login wall's host).
 *
 * - `/ok`: a quick page with painted text;
 * - `/freeze-in-load`: `while (true) {}` in a load handler (the load event never completes);
 * - `/freeze-after-load`: the same loop in a task queued by the load handler (load completes, then the
 *   main thread never comes back);
 * - `/dialogs`: alert, confirm and prompt in a load handler;
 * - `/never`: headers are never sent;
 * - `/cut`: announces 100,000 bytes, sends 2 kB and destroys the socket;
 * - `/login-wall`: redirects to `otherHost/login` (answers 200 with a login form);
 * - `/status/N`: answers HTTP N with a painted page;
 * - `/bounce`: redirects through `otherHost/sso`, which redirects back to `/ok`;
 * - `/navigate-away`: a script sends the page to `otherHost/elsewhere` after load;
 * - `/flaky?fail=K`: the K-th request of this path (1-based, counted per site) answers 500.
 */
export interface HostileSite {
  origin: string;
  otherHost: string;
  close(): Promise<void>;
}

const page = (body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>hostile</title></head><body><h1 style="font-size:48px">A painted heading for LCP</h1>${body}</body></html>`;

function html(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(page(body));
}

export async function startHostileSite(): Promise<HostileSite> {
  let port = 0;
  const counts = new Map<string, number>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const otherHost = `http://localhost:${port}`;
    const count = (counts.get(url.pathname) ?? 0) + 1;
    counts.set(url.pathname, count);
    switch (url.pathname) {
      case '/freeze-in-load':
        return html(response, 200, '<script>addEventListener("load", () => { while (true) {} });</script>');
      case '/freeze-after-load':
        return html(
          response,
          200,
          '<script>addEventListener("load", () => setTimeout(() => { while (true) {} }, 0));</script>',
        );
      case '/dialogs':
        return html(
          response,
          200,
          '<script>addEventListener("load", () => { alert("hello"); confirm("sure?"); prompt("name?"); });</script>',
        );
      case '/never':
        return; // the socket stays open until the site closes
      case '/cut':
        response.writeHead(200, { 'content-type': 'text/html', 'content-length': '100000' });
        response.write(page(`<p>${'x'.repeat(2000)}</p>`));
        setTimeout(() => response.socket?.destroy(), 100);
        return;
      case '/login-wall':
        response.writeHead(302, { location: `${otherHost}/login?next=/ok` }).end();
        return;
      case '/login':
        return html(response, 200, '<form><input name="password" type="password"></form>');
      case '/bounce':
        response.writeHead(302, { location: `${otherHost}/sso?back=1` }).end();
        return;
      case '/sso':
        response.writeHead(302, { location: `http://127.0.0.1:${port}/ok?from=sso` }).end();
        return;
      case '/navigate-away':
        return html(
          response,
          200,
          `<script>addEventListener("load", () => setTimeout(() => { location.href = "${otherHost}/elsewhere"; }, 100));</script>`,
        );
      case '/elsewhere':
        return html(response, 200, '<p>another site</p>');
      case '/flaky':
        return html(response, String(count) === url.searchParams.get('fail') ? 500 : 200, '');
      default: {
        const status = /^\/status\/(\d{3})$/.exec(url.pathname)?.[1];
        return html(response, status ? Number(status) : 200, '');
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    otherHost: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
