import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoInternals, expectRefused, HANG_BOUND_MS, runCliCase, scratch } from './harness.js';

/** Flags (the action's inputs) that can never work: refused before any page load, naming the input. */

let files: Awaited<ReturnType<typeof scratch>>;
let savedKey: string | undefined;
beforeAll(async () => {
  files = await scratch();
  // The CLI also reads the CrUX key from the environment: keep a developer's key out of these cases.
  savedKey = process.env.CRUX_API_KEY;
  delete process.env.CRUX_API_KEY;
});
afterAll(async () => {
  await files.remove();
  if (savedKey !== undefined) process.env.CRUX_API_KEY = savedKey;
});

const URL = 'https://shop.example/';

/** [case, argv after the URL, what the message must say] */
const REFUSED: [string, string[], string[]][] = [
  [
    'runs is a word',
    ['--runs', 'many'],
    ["Invalid input 'runs': 'many'. Expected a whole number from 1 to 50."],
  ],
  ['runs is 0', ['--runs', '0'], ["Invalid input 'runs': '0'"]],
  ['runs is 51', ['--runs', '51'], ["Invalid input 'runs': '51'"]],
  ['runs is negative', ['--runs=-1'], ["Invalid input 'runs': '-1'"]],
  [
    'a negative value after a space (read as a flag)',
    ['--runs', '-1'],
    ["Option '--runs' argument is ambiguous", "Run 'vitals-gate --help' for the flags."],
  ],
  ['runs is fractional', ['--runs', '1.5'], ["Invalid input 'runs': '1.5'"]],
  [
    'timeout is 0',
    ['--timeout', '0'],
    ["Invalid input 'timeout': '0'. Expected a whole number from 1 to 600."],
  ],
  ['timeout is 601', ['--timeout', '601'], ["Invalid input 'timeout': '601'"]],
  ['wait-timeout is negative', ['--wait-timeout=-1'], ["Invalid input 'wait-timeout': '-1'"]],
  [
    'device tablet',
    ['--device', 'tablet'],
    ["Invalid input 'device': 'tablet'. Expected one of: mobile, desktop."],
  ],
  [
    'throttling fast',
    ['--throttling', 'fast'],
    ["Invalid input 'throttling': 'fast'. Expected one of: device, none."],
  ],
  ['lighthouse yes', ['--lighthouse', 'yes'], ["Invalid input 'lighthouse': 'yes'. Expected true or false."]],
  ['regression-tolerance 0', ['--regression-tolerance', '0'], ["Invalid input 'regression-tolerance': '0'"]],
  [
    'max-runs below runs',
    ['--runs', '5', '--max-runs', '3', '--baseline-url', 'https://prod.example'],
    ["Invalid input 'max-runs': '3'. Expected a whole number from 5 to 50."],
  ],
  [
    'max-runs without baseline-url',
    ['--max-runs', '10'],
    ["Conflicting inputs: 'max-runs' is set but 'baseline-url' is not"],
  ],
  [
    'rum-source none with rum-file',
    ['--rum-source', 'none', '--rum-file', 'field.json'],
    ["Conflicting inputs: 'rum-file' is set but 'rum-source' is 'none'"],
  ],
  [
    'rum-source crux with rum-file',
    ['--rum-source', 'crux', '--crux-api-key', 'k', '--rum-file', 'field.json'],
    ["Conflicting inputs: 'rum-file' is set but 'rum-source' is 'crux'"],
  ],
  [
    'rum-source file with rum-url',
    ['--rum-source', 'file', '--rum-file', 'f.json', '--rum-url', 'http://prom:9090'],
    ["Conflicting inputs: 'rum-url' is set but 'rum-source' is 'file'"],
  ],
  [
    'rum-source none with rum-url',
    ['--rum-source', 'none', '--rum-url', 'http://prom:9090'],
    ["Conflicting inputs: 'rum-url' is set but 'rum-source' is 'none'"],
  ],
  [
    'an unknown rum-source',
    ['--rum-source', 'datadog'],
    ["Invalid input 'rum-source': 'datadog'. Expected one of: none, file, crux, prometheus, loki."],
  ],
  [
    'prometheus without rum-url',
    ['--rum-source', 'prometheus'],
    ["Missing input 'rum-url': rum-source 'prometheus' needs the base URL of the prometheus server."],
  ],
  ['loki without rum-url', ['--rum-source', 'loki'], ["Missing input 'rum-url': rum-source 'loki' needs"]],
  [
    'crux without a key',
    ['--rum-source', 'crux'],
    ["Missing input 'crux-api-key': rum-source 'crux' needs a Chrome UX Report API key."],
  ],
  ['file without rum-file', ['--rum-source', 'file'], ["Missing input 'rum-file': rum-source 'file' needs"]],
  [
    'rum-url not http',
    ['--rum-source', 'prometheus', '--rum-url', 'ftp://prom'],
    ["Invalid input 'rum-url': 'ftp://prom'"],
  ],
  [
    'trace-url without {traceId}',
    ['--trace-url', 'https://tempo.example/trace'],
    [
      "Invalid input 'trace-url': 'https://tempo.example/trace'. Expected an http(s) URL containing {traceId}",
    ],
  ],
  [
    'an extra-headers line without a colon',
    ['--extra-headers', 'Bearer abc'],
    ["Invalid input 'extra-headers': a line without a header name is not a header"],
  ],
  [
    'a Host header',
    ['--extra-headers', 'Host: evil.example'],
    ["Invalid input 'extra-headers': 'Host' cannot be set here."],
  ],
  [
    'a Cookie header',
    ['--extra-headers', 'Cookie: a=b'],
    ["Invalid input 'extra-headers': 'Cookie' cannot be set here; use the cookies input."],
  ],
  [
    'a cookie without =',
    ['--cookies', 'session'],
    ["Invalid input 'cookies': a line without a cookie name is not a cookie."],
  ],
  [
    'a cookie value with a space',
    ['--cookies', 'session=a b'],
    ["Invalid input 'cookies': a line for 'session' is not a cookie."],
  ],
  ['an unknown flag', ['--rnus', '3'], ["'--rnus'", "Run 'vitals-gate --help' for the flags."]],
  [
    '--out on a measuring run (ignored before)',
    ['--out', 'report.md'],
    [
      "Invalid flag '--out' for 'vitals-gate run': it belongs to 'vitals-gate rum', 'vitals-gate plan', 'vitals-gate import' only.",
    ],
  ],
  [
    '--port on a measuring run',
    ['--port', '8080'],
    ["Invalid flag '--port' for 'vitals-gate run': it belongs to 'vitals-gate example-site' only."],
  ],
];

describe('flags that can never work are refused before any page load', () => {
  it.each(REFUSED)('%s', async (_name, argv, mentions) => {
    expectRefused(await runCliCase([URL, ...argv]), mentions);
  });
});

/** [case, the urls value, base-url or undefined, what the message must say, a secret it must not echo] */
const BAD_URLS: [string, string, string | undefined, string[], string?][] = [
  [
    'an ftp URL',
    'ftp://shop.example/',
    undefined,
    ["Invalid input 'urls': 'ftp://shop.example/'. Expected an http:// or https:// URL."],
  ],
  [
    'a word',
    'homepage',
    undefined,
    ["Invalid input 'urls': 'homepage'. Expected an absolute http(s) URL or a path starting with /."],
  ],
  [
    'a path without base-url',
    '/checkout',
    undefined,
    ["Invalid input 'urls': '/checkout' is a relative path but 'base-url' is not set."],
  ],
  ['only comments', '# nothing yet', undefined, ["Missing input 'urls'."]],
  [
    'credentials in a URL',
    'https://admin:hunter2@shop.example/',
    undefined,
    ["Invalid input 'urls': a URL for shop.example carries a user name or password", 'extra-headers'],
    'hunter2',
  ],
  [
    'a user name alone',
    'https://deploy-token@shop.example/',
    undefined,
    ["Invalid input 'urls': a URL for shop.example carries a user name or password"],
    'deploy-token',
  ],
  [
    'credentials in an unparsable URL',
    'https://admin:hunter2@shop example/',
    undefined,
    ["Invalid input 'urls': 'https://***@shop example/'"],
    'hunter2',
  ],
  [
    'credentials in base-url',
    '/',
    'https://admin:hunter2@preview.example',
    ["Invalid input 'base-url': a URL for preview.example carries a user name or password"],
    'hunter2',
  ],
  [
    'a protocol-relative entry',
    '//evil.example/x',
    'https://preview.example',
    ["Invalid input 'urls': '//evil.example/x' would leave base-url's host preview.example"],
  ],
  [
    'a backslash entry',
    '/\\evil.example/x',
    'https://preview.example',
    ["would leave base-url's host preview.example"],
  ],
  [
    'a base-url that is a path',
    '/',
    '/preview',
    ["Invalid input 'base-url': '/preview'. Expected an absolute http(s) URL"],
  ],
  [
    'a base-url that is not http',
    '/',
    'file:///etc',
    ["Invalid input 'base-url': 'file:///etc'. Expected an http:// or https:// URL."],
  ],
];

describe('URLs that would leak, leave the host or never load are refused', () => {
  it.each(BAD_URLS)('%s', async (_name, urls, base, mentions, secret) => {
    const outcome = await runCliCase(['--urls', urls, ...(base ? ['--base-url', base] : [])]);
    expectRefused(outcome, mentions);
    if (secret) expect(outcome.stderr).not.toContain(secret);
  });

  it.each([
    ['rum-url', ['--rum-source', 'prometheus', '--rum-url', 'http://grafana:s3cr3t@prom.example:9090']],
    ['trace-url', ['--trace-url', 'https://ops:s3cr3t@tempo.example/trace/{traceId}']],
  ])('credentials in %s are refused without echoing them', async (input, argv) => {
    const outcome = await runCliCase([URL, ...argv]);
    expectRefused(outcome, [`Invalid input '${input}': a URL for`, 'carries a user name or password']);
    expect(outcome.stderr).not.toContain('s3cr3t');
  });

  it('credentials in baseline-url are refused without echoing them', async () => {
    const outcome = await runCliCase([URL, '--baseline-url', 'https://ci:s3cr3t@prod.example']);
    expectRefused(outcome, [
      "Invalid input 'baseline-url': a URL for prod.example carries a user name or password",
    ]);
    expect(outcome.stderr).not.toContain('s3cr3t');
  });
});

/** [case, the urls value, base-url, the URLs measured] */
const URL_LISTS: [string, string, string | undefined, string[]][] = [
  [
    'a comma inside a query',
    'https://shop.example/search?ids=1,2',
    undefined,
    ['https://shop.example/search?ids=1,2'],
  ],
  [
    'a comma list of URLs',
    'https://a.example/, https://b.example/',
    undefined,
    ['https://a.example/', 'https://b.example/'],
  ],
  [
    'a comma list of paths',
    '/a,/b?x=1,2',
    'https://preview.example',
    ['https://preview.example/a', 'https://preview.example/b?x=1,2'],
  ],
  [
    'lines with comments and blanks',
    '# pages\nhttps://a.example/\n\n/c',
    'https://a.example',
    ['https://a.example/', 'https://a.example/c'],
  ],
  ['a path prefix on base-url', '/p', 'https://preview.example/app/', ['https://preview.example/app/p']],
];

describe('URL lists split only where a comma cannot be part of a URL', () => {
  it.each(URL_LISTS)('%s', async (_name, urls, base, expected) => {
    const outcome = await runCliCase([
      '--urls',
      urls,
      ...(base ? ['--base-url', base] : []),
      '--runs',
      '1',
      '--lighthouse',
      'false',
      '--wait-timeout',
      '0',
      '--output-dir',
      join(files.dir, 'out'),
    ]);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(outcome.launched).toEqual(expected);
    expect(outcome.ms).toBeLessThan(HANG_BOUND_MS);
  });
});

describe('an output-dir that cannot hold the results is refused before measuring', () => {
  it.each([
    ['a file', 'results.txt', ''],
    ['a path under a file', 'results.txt', 'inner'],
  ])('%s', async (_name, file, under) => {
    const path = await files.write(file, 'not a folder');
    const dir = under ? join(path, under) : path;
    const outcome = await runCliCase([URL, '--output-dir', dir, '--wait-timeout', '0']);
    expectRefused(outcome, [
      `Invalid input 'output-dir': '${dir}' cannot be used: it is a file (or lies under one), not a folder.`,
    ]);
    expectNoInternals(outcome.stderr);
  });
});
