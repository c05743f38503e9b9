import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { cruxFormFactors } from '../../src/plan/cruxFormFactors.js';
import { lokiTraffic, lokiTrafficQuery } from '../../src/plan/lokiTraffic.js';

// Loopback servers answering in the documented shapes (Loki's Prometheus-shaped vector; CrUX's
// queryRecord record with form_factors fractions, and its 404 error body).
let server: Server | undefined;
const requests: { url: string; body: string }[] = [];

async function serve(answer: (request: IncomingMessage, body: string) => [number, unknown]): Promise<string> {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += String(chunk);
    });
    request.on('end', () => {
      requests.push({ url: request.url ?? '', body });
      const [status, json] = answer(request, body);
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
  requests.length = 0;
});

describe('lokiTraffic', () => {
  it('counts Faro LCP lines per page path (query strings dropped, full URLs normalised, summed)', async () => {
    const baseUrl = await serve(() => [
      200,
      {
        status: 'success',
        data: {
          resultType: 'vector',
          result: [
            { metric: { page_url: 'https://shop.example/product/1?utm=x' }, value: [1, '120'] },
            { metric: { page_url: 'https://shop.example/product/1' }, value: [1, '30'] },
            { metric: { page_url: 'https://shop.example/' }, value: [1, '50'] },
          ],
        },
      },
    ]);
    const views = await lokiTraffic({ baseUrl }, new Date('2026-12-01T00:00:00Z'), { fetch });
    expect(Object.fromEntries(views)).toEqual({ '/product/1': 150, '/': 50 });
    const query = new URL(requests[0]?.url ?? '', baseUrl).searchParams.get('query');
    expect(query).toBe(lokiTrafficQuery({}));
    expect(query).toBe(
      'sum by (page_url) (count_over_time({kind="measurement"} | logfmt | type="web-vitals" | value_lcp!="" [7d]))',
    );
  });
});

describe('cruxFormFactors', () => {
  it('reads the origin record’s form_factors fractions, asking without a formFactor', async () => {
    const baseUrl = await serve(() => [
      200,
      {
        record: {
          key: { origin: 'https://shop.example' },
          metrics: { form_factors: { fractions: { desktop: 0.3712, phone: 0.6021, tablet: 0.0267 } } },
        },
      },
    ]);
    const fractions = await cruxFormFactors('https://shop.example', { apiKey: 'k3y', baseUrl }, { fetch });
    expect(fractions).toEqual({ desktop: 0.3712, phone: 0.6021, tablet: 0.0267 });
    expect(JSON.parse(requests[0]?.body ?? '{}')).toEqual({
      origin: 'https://shop.example',
      metrics: ['form_factors'],
    });
  });

  it('gives undefined for an origin CrUX does not know, and errors without the key', async () => {
    let status = 404;
    const baseUrl = await serve(() => [
      status,
      {
        error: {
          code: status,
          message: 'chrome ux report data not found',
          status: status === 404 ? 'NOT_FOUND' : 'INVALID_ARGUMENT',
        },
      },
    ]);
    expect(
      await cruxFormFactors('https://tiny.example', { apiKey: 'k3y', baseUrl }, { fetch }),
    ).toBeUndefined();
    status = 400;
    const error = await cruxFormFactors('https://tiny.example', { apiKey: 'k3y', baseUrl }, { fetch }).catch(
      (e) => String(e),
    );
    expect(error).toContain('answered HTTP 400 INVALID_ARGUMENT');
    expect(error).not.toContain('k3y');
  });
});
