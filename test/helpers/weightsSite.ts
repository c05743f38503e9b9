import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Body sizes in bytes of what the weights site serves. */
export interface Weights {
  /** The script's file name under /assets/, with a build hash, e.g. `vendor.a1b2c3d4.js`. */
  scriptName: string;
  scriptBytes: number;
  imageBytes: number;
}

/** A script of exactly `bytes` bytes: one JS comment. */
const scriptOf = (bytes: number) => Buffer.from(`/*${'x'.repeat(Math.max(0, bytes - 4))}*/`);

/** A valid SVG image of exactly `bytes` bytes, padded by a comment (Chrome stops reading an image it cannot decode). */
function svgOf(bytes: number): Buffer {
  const open =
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="teal"/><!--';
  const close = '--></svg>';
  return Buffer.from(`${open}${'x'.repeat(Math.max(0, bytes - open.length - close.length))}${close}`);
}

/**
 * A loopback site with fixed, uncompressed weights: `/` (and any `/p/…`) is a small text page that loads one script (through
 * a redirect hop from /old-vendor.js) and one image, so its wire bytes are the bodies plus the headers.
 */
export async function startWeightsSite(weights: Weights) {
  const script = scriptOf(weights.scriptBytes);
  const image = svgOf(weights.imageBytes);
  const html = Buffer.from(
    `<!doctype html><html><head><title>weights</title><script src="/old-vendor.js"></script></head><body><h1>Weights</h1><p>${'Text for LCP. '.repeat(20)}</p><img src="/img/photo.svg" width="40" height="40" alt=""></body></html>`,
  );
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/' || path.startsWith('/p/')) {
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': html.length });
      response.end(html);
    } else if (path === '/old-vendor.js') {
      response.writeHead(301, { location: `/assets/${weights.scriptName}`, 'content-length': 0 });
      response.end();
    } else if (path === `/assets/${weights.scriptName}`) {
      response.writeHead(200, { 'content-type': 'text/javascript', 'content-length': script.length });
      response.end(script);
    } else if (path === '/img/photo.svg') {
      response.writeHead(200, { 'content-type': 'image/svg+xml', 'content-length': image.length });
      response.end(image);
    } else {
      response.writeHead(404, { 'content-length': 0 });
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    htmlBytes: html.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
