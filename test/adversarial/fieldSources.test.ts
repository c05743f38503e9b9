import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoInternals, HANG_BOUND_MS, runCliCase, scratch } from './harness.js';

/**
 * Field data sources that misbehave, replayed by a loopback server with the response shapes the real
 * services send (Prometheus and Loki error JSON and plain-text errors, the CrUX API's error objects) and
 * the ones proxies and outages produce (HTML pages, truncated bodies, cut connections). Field data never
 * fails the gate: each case must end in exit 0 with one warning that names the source and says what was
 * expected — never "Cannot read properties of undefined" and never the API key.
 */

interface Reply {
  status: number;
  type?: string;
  body: string;
  /** Send part of the body, then destroy the socket. */
  cut?: boolean;
}

let server: Server;
let origin = '';
let reply: Reply = { status: 200, body: '{}' };
let files: Awaited<ReturnType<typeof scratch>>;

beforeAll(async () => {
  files = await scratch();
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(reply.status, {
        'content-type': reply.type ?? 'application/json',
        ...(reply.cut ? { 'content-length': String(reply.body.length * 10) } : {}),
      });
      if (reply.cut) {
        response.write(reply.body);
        setImmediate(() => response.socket?.destroy());
      } else response.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await files.remove();
});

const HTML =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
const json = (value: unknown) => JSON.stringify(value);
const vector = (result: unknown[]) => json({ status: 'success', data: { resultType: 'vector', result } });
const KEY = 'AIzaSyTEST-not-a-real-key';

/** [source, case, the reply, what the warning must say] */
const CASES: ['prometheus' | 'loki' | 'crux', string, Reply, string[]][] = [
  [
    'prometheus',
    'an nginx 502 page',
    { status: 502, type: 'text/html', body: HTML },
    ['answered HTTP 502 without JSON'],
  ],
  [
    'prometheus',
    'a 503 in plain text',
    { status: 503, type: 'text/plain', body: 'Service Unavailable' },
    ['answered HTTP 503 without JSON'],
  ],
  [
    'prometheus',
    'a bad_data error (HTTP 400)',
    {
      status: 400,
      body: json({
        status: 'error',
        errorType: 'bad_data',
        error: 'invalid parameter "query": 1:27: parse error: unexpected character inside braces',
      }),
    },
    ['failed (HTTP 400, bad_data): invalid parameter "query"'],
  ],
  [
    'prometheus',
    'an execution error (HTTP 422)',
    {
      status: 422,
      body: json({
        status: 'error',
        errorType: 'execution',
        error: 'query processing would load too many samples into memory in query execution',
      }),
    },
    ['failed (HTTP 422, execution): query processing would load too many samples'],
  ],
  [
    'prometheus',
    'a matrix instead of a vector',
    { status: 200, body: json({ status: 'success', data: { resultType: 'matrix', result: [] } }) },
    ['answered a matrix result; expected {"status": "success", "data": {"resultType": "vector"'],
  ],
  [
    'prometheus',
    'no data at all',
    { status: 200, body: json({ status: 'success' }) },
    ['answered a missing result; expected'],
  ],
  [
    'prometheus',
    'a sample without labels',
    { status: 200, body: vector([{ value: [1, '3'] }]) },
    ['answered a vector of the wrong shape at data.result[0]; expected {"metric"'],
  ],
  [
    'prometheus',
    'a matrix-shaped sample in a vector',
    { status: 200, body: vector([{ metric: { page: '/' }, values: [[1, '3']] }]) },
    ['wrong shape at data.result[0]'],
  ],
  [
    'prometheus',
    'a numeric label',
    { status: 200, body: vector([{ metric: { page: 7 }, value: [1, '3'] }]) },
    ['wrong shape at data.result[0]'],
  ],
  ['prometheus', 'a null sample', { status: 200, body: vector([null]) }, ['wrong shape at data.result[0]']],
  [
    'prometheus',
    'a truncated body',
    { status: 200, body: '{"status":"success","data":{"resultType":"vec' },
    ['answered HTTP 200 without JSON'],
  ],
  [
    'prometheus',
    'a connection cut mid-body',
    { status: 200, body: '{"status":"success",', cut: true },
    ['Prometheus'],
  ],
  [
    'loki',
    'a parse error in plain text (HTTP 400)',
    {
      status: 400,
      type: 'text/plain',
      body: 'parse error at line 1, col 30: syntax error: unexpected IDENTIFIER',
    },
    ['answered HTTP 400 without JSON'],
  ],
  [
    'loki',
    'streams instead of a vector',
    {
      status: 200,
      body: json({
        status: 'success',
        data: {
          resultType: 'streams',
          result: [{ stream: { kind: 'measurement' }, values: [['1700000000000000000', 'x']] }],
        },
      }),
    },
    ['answered a streams result; expected'],
  ],
  [
    'loki',
    'a sample without value',
    { status: 200, body: vector([{ metric: { page_url: 'https://shop.example/' } }]) },
    ['wrong shape at data.result[0]'],
  ],
  [
    'loki',
    'an HTML login page with 200',
    { status: 200, type: 'text/html', body: '<html><title>Grafana</title></html>' },
    ['answered HTTP 200 without JSON'],
  ],
  [
    'crux',
    'an HTML page with 200 (a proxy)',
    { status: 200, type: 'text/html', body: HTML },
    ['answered HTTP 200 without JSON; expected {"record": {"metrics": {…}}}'],
  ],
  [
    'crux',
    'a 200 without a record',
    { status: 200, body: json({ urlNormalizationDetails: {} }) },
    ['answered HTTP 200 with JSON of the wrong shape; expected {"record"'],
  ],
  [
    'crux',
    'a record that is a string',
    { status: 200, body: json({ record: 'none' }) },
    ['JSON of the wrong shape'],
  ],
  [
    'crux',
    'metrics as an array',
    { status: 200, body: json({ record: { metrics: [] } }) },
    ['JSON of the wrong shape'],
  ],
  [
    'crux',
    'an invalid API key (HTTP 400)',
    {
      status: 400,
      body: json({
        error: {
          code: 400,
          message: 'API key not valid. Please pass a valid API key.',
          status: 'INVALID_ARGUMENT',
        },
      }),
    },
    ['answered HTTP 400 INVALID_ARGUMENT: API key not valid'],
  ],
  [
    'crux',
    'the API disabled (HTTP 403)',
    {
      status: 403,
      body: json({
        error: {
          code: 403,
          message: 'Chrome UX Report API has not been used in project 123 before or it is disabled.',
          status: 'PERMISSION_DENIED',
        },
      }),
    },
    ['answered HTTP 403 PERMISSION_DENIED: Chrome UX Report API has not been used'],
  ],
  [
    'crux',
    'rate limited on every attempt (HTTP 429)',
    {
      status: 429,
      body: json({ error: { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED' } }),
    },
    ['answered HTTP 429 RESOURCE_EXHAUSTED: Quota exceeded (after 4 attempts)'],
  ],
  [
    'crux',
    'a truncated body with 200',
    { status: 200, body: '{"record":{"metrics":{' },
    ['answered HTTP 200 without JSON'],
  ],
];

function argvFor(source: 'prometheus' | 'loki' | 'crux', out: string, rumUrl = origin): string[] {
  return [
    'https://shop.example/',
    '--rum-source',
    source,
    '--rum-url',
    rumUrl,
    ...(source === 'crux' ? ['--crux-api-key', KEY] : []),
    '--runs',
    '1',
    '--lighthouse',
    'false',
    '--wait-timeout',
    '0',
    '--output-dir',
    join(files.dir, out),
  ];
}

describe('a misbehaving field data source is a warning that says what was expected', () => {
  it.each(CASES)('%s: %s', async (source, name, answer, mentions) => {
    reply = answer;
    const outcome = await runCliCase(argvFor(source, name.replace(/\W+/g, '-')));
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    const warning = outcome.warnings.find((line) => line.startsWith(`Field data unavailable (${source}): `));
    expect(warning, outcome.warnings.join('\n')).toBeDefined();
    for (const mention of mentions) expect(warning).toContain(mention);
    expect(warning).toMatch(
      source === 'crux'
        ? /^Field data unavailable \(crux\): CrUX API/
        : new RegExp(`${source === 'loki' ? 'Loki' : 'Prometheus'} ${origin}`),
    );
    expect(warning).not.toContain(KEY);
    expect(warning?.length).toBeLessThan(400);
    expectNoInternals(outcome.warnings.join('\n'));
    expect(outcome.launched).toEqual(['https://shop.example/']);
    expect(outcome.ms).toBeLessThan(HANG_BOUND_MS);
  });

  it('a source that refuses connections', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outcome = await runCliCase(argvFor('prometheus', 'refused', `http://127.0.0.1:${port}`));
    expect(outcome.code).toBe(0);
    expect(outcome.warnings.join('\n')).toContain(
      `Field data unavailable (prometheus): Prometheus http://127.0.0.1:${port}: connect ECONNREFUSED`,
    );
    expectNoInternals(outcome.warnings.join('\n'));
  });

  it('a CrUX record with null metrics is read as no data for them, without an error', async () => {
    reply = {
      status: 200,
      body: json({
        record: {
          key: { url: 'https://shop.example/' },
          metrics: { largest_contentful_paint: null, cumulative_layout_shift: { percentiles: null } },
        },
      }),
    };
    const outcome = await runCliCase(argvFor('crux', 'null-metrics'));
    expect(outcome.code).toBe(0);
    expect(outcome.warnings.filter((line) => line.startsWith('Field data unavailable'))).toEqual([]);
    expectNoInternals(outcome.stdout);
  });
});
