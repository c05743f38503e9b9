import { execFileSync } from 'node:child_process';
import { truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoInternals, expectRefused, HANG_BOUND_MS, runCliCase, scratch } from './harness.js';

/**
 * Budgets files a new user (or a bad merge) produces, each refused before any page load with the file,
 * the JSON path and what was expected. Run through the CLI in-process with the real file system.
 */

let files: Awaited<ReturnType<typeof scratch>>;
beforeAll(async () => {
  files = await scratch();
});
afterAll(async () => {
  await files.remove();
});

const URL = 'https://shop.example/';
const json = (value: unknown) => JSON.stringify(value, null, 2);
const entry = (extra: Record<string, unknown>) => json({ budgets: [{ path: '/', ...extra }] });
const metrics = (value: unknown) => entry({ metrics: value });
const steps = (...list: unknown[]) => entry({ interactions: list });

/** [case, file text, what the message must say (besides the file name)] */
const REFUSED: [string, string, string[]][] = [
  // JSON syntax: line, column and what was expected.
  [
    'a trailing comma',
    '{\n  "budgets": [],\n}',
    ['not valid JSON at line 3, column 1', 'expected a property name in double quotes, found "}"'],
  ],
  ['a missing closing brace', '{"budgets": [', ['line 1, column 14', 'found the end of the file']],
  ['single-quoted keys', "{'budgets': []}", ['line 1, column 2', 'property name in double quotes']],
  ['a // comment', '{\n  // budgets\n  "budgets": []\n}', ['line 2, column 3']],
  [
    'NaN as a number',
    '{"budgets":[{"path":"/","metrics":{"LCP":{"max":NaN}}}]}',
    ['line 1, column 49', 'expected a value', 'found "NaN}}}]}"'],
  ],
  ['an empty file', '', ['line 1, column 1', 'found the end of the file']],
  [
    'two documents',
    '{"budgets":[]}\n{"budgets":[]}',
    ['line 2, column 1', 'the end of the text (one JSON value only)'],
  ],
  [
    'a raw line break in a string',
    '{"budgets":[{"path":"/a\nb"}]}',
    ['line 1, column 21', 'a string closed by "'],
  ],
  [
    'a BOM before broken JSON (positions count from after the BOM)',
    '\ufeff{"budgets":[,]}',
    ['line 1, column 13'],
  ],
  // Shape of the document.
  [
    'a string at the root',
    '"budgets"',
    ['is not a budgets file: expected vitals-gate\'s {"budgets": [...]}'],
  ],
  [
    'no budgets',
    '{}',
    ['is not a budgets file: expected vitals-gate\'s {"budgets": [...]}', 'a Lighthouse budget.json'],
  ],
  ['budgets as an object', json({ budgets: { path: '/' } }), ['budgets: expected array']],
  ['an unknown top-level key', json({ budgets: [], budget: [] }), ["(root): unknown property 'budget'"]],
  [
    'an entry without path',
    json({ budgets: [{ metrics: { LCP: { max: 1 } } }] }),
    ["budgets[0]: missing property 'path'"],
  ],
  [
    'a path without leading /',
    json({ budgets: [{ path: 'checkout' }] }),
    ["budgets[0].path: got 'checkout'; expected a path pattern starting with /"],
  ],
  [
    'a path with a query',
    json({ budgets: [{ path: '/ok?x=*' }] }),
    ["budgets[0].path: got '/ok?x=*'", 'the query string is ignored'],
  ],
  [
    'a path with a fragment',
    json({ budgets: [{ path: '/a#top' }] }),
    ["budgets[0].path: got '/a#top'", 'without ? or #'],
  ],
  ['a path that is a number', json({ budgets: [{ path: 42 }] }), ['budgets[0].path: expected string']],
  // Metrics and thresholds.
  [
    'a misspelt metric',
    metrics({ LPC: { max: 2500 } }),
    ["budgets[0].metrics: unknown property 'LPC'; expected one of: LCP"],
  ],
  ['a negative max', metrics({ LCP: { max: -1 } }), ['budgets[0].metrics.LCP.max: expected a number >= 0']],
  ['a max as a string', metrics({ LCP: { max: '2500' } }), ['budgets[0].metrics.LCP.max: expected number']],
  ['an empty metric', metrics({ CLS: {} }), ['budgets[0].metrics.CLS: expected at least one of max or warn']],
  [
    'warn above max',
    metrics({ LCP: { max: 2000, warn: 3000 } }),
    ['budgets[0].metrics.LCP: warn (3000) must not be greater than max (2000)'],
  ],
  [
    'a subpart warn above max',
    metrics({ LCP: { subparts: { resourceLoadDelay: { max: 100, warn: 200 } } } }),
    ['budgets[0].metrics.LCP.subparts.resourceLoadDelay: warn (200) must not be greater than max (100)'],
  ],
  [
    'INP.thirdPartyScripts warn above max',
    metrics({ INP: { thirdPartyScripts: { max: 50, warn: 80 } } }),
    ['budgets[0].metrics.INP.thirdPartyScripts: warn (80) must not be greater than max (50)'],
  ],
  [
    'warnTolerance above tolerance',
    metrics({ LCP: { relativeTo: 'rum', tolerance: 10, warnTolerance: 25 } }),
    ['budgets[0].metrics.LCP: warnTolerance (25) must not be greater than tolerance (10)'],
  ],
  [
    'tolerance without relativeTo',
    metrics({ LCP: { max: 1, tolerance: 10 } }),
    ["budgets[0].metrics.LCP: 'tolerance' needs 'relativeTo'"],
  ],
  [
    'relativeTo something else than rum',
    metrics({ LCP: { relativeTo: 'lab', tolerance: 10 } }),
    ['budgets[0].metrics.LCP.relativeTo: expected "rum"'],
  ],
  [
    'an unknown LCP subpart',
    metrics({ LCP: { subparts: { renderDelay: { max: 1 } } } }),
    ["budgets[0].metrics.LCP.subparts: unknown property 'renderDelay'"],
  ],
  [
    'subparts on CLS',
    metrics({ CLS: { max: 0.1, subparts: {} } }),
    ["budgets[0].metrics.CLS: unknown property 'subparts'"],
  ],
  [
    'thirdPartyScripts on LCP',
    metrics({ LCP: { thirdPartyScripts: { max: 1 } } }),
    ["budgets[0].metrics.LCP: unknown property 'thirdPartyScripts'"],
  ],
  // Interaction steps: every one that can never work is refused before measuring.
  [
    'interactions as an object',
    entry({ interactions: { click: '#a' } }),
    ['budgets[0].interactions: expected array'],
  ],
  [
    'a step with two actions',
    steps({ click: '#a', tap: '#b' }),
    ['budgets[0].interactions[0]: expected exactly one action'],
  ],
  [
    'a step with no action',
    steps({ timeout: 100 }),
    ['budgets[0].interactions[0]: expected exactly one action'],
  ],
  ['type without text', steps({ type: '#q' }), ['budgets[0].interactions[0]: expected exactly one action']],
  [
    'text without type',
    steps({ click: '#a', text: 'x' }),
    ["budgets[0].interactions[0]: 'text' goes with a 'type' step"],
  ],
  ['an unknown action', steps({ jump: '#a' }), ["budgets[0].interactions[0]: unknown property 'jump'"]],
  [
    'an empty selector',
    steps({ click: '' }),
    ['budgets[0].interactions[0].click: expected a non-empty string'],
  ],
  [
    'an unknown key',
    steps({ press: 'NotAKey' }),
    ["budgets[0].interactions[0].press: unknown key 'NotAKey'", 'Enter'],
  ],
  [
    'a key in the wrong case',
    steps({ press: 'enter' }),
    ["budgets[0].interactions[0].press: unknown key 'enter'; did you mean 'Enter'?"],
  ],
  [
    'a key combination',
    steps({ press: 'Control+A' }),
    ["budgets[0].interactions[0].press: unknown key 'Control+A'"],
  ],
  [
    'an unparsable click selector',
    steps({ click: '###[[[' }),
    ["budgets[0].interactions[0].click: '###[[[' is not a valid selector"],
  ],
  [
    'an unclosed attribute selector',
    steps({ hover: 'a[' }),
    ["budgets[0].interactions[0].hover: 'a[' is not a valid selector"],
  ],
  [
    'an unclosed :not(',
    steps({ wait: 'div:not(' }),
    ["budgets[0].interactions[0].wait: 'div:not(' is not a valid selector"],
  ],
  [
    'a bad scroll selector',
    steps({ scroll: '[[' }),
    ["budgets[0].interactions[0].scroll: '[[' is not a valid selector"],
  ],
  [
    'a bad type selector',
    steps({ type: '#q[', text: 'x' }),
    ["budgets[0].interactions[0].type: '#q[' is not a valid selector"],
  ],
  [
    'a wait past the step timeout',
    steps({ wait: 20000 }),
    ["budgets[0].interactions[0].wait: 20000 ms is longer than the step's timeout (5000 ms, the default)"],
  ],
  [
    'a wait past an explicit timeout',
    steps({ wait: 3000, timeout: 2000 }),
    ["budgets[0].interactions[0].wait: 3000 ms is longer than the step's timeout (2000 ms)"],
  ],
  [
    'a wait of 1e10 ms',
    steps({ wait: 1e10 }),
    ['budgets[0].interactions[0].wait: expected a number <= 120000'],
  ],
  ['a negative wait', steps({ wait: -5 }), ['budgets[0].interactions[0].wait: expected a number >= 0']],
  [
    'a fractional wait',
    steps({ wait: 1.5 }),
    ['budgets[0].interactions[0].wait: expected string or integer'],
  ],
  [
    'a zero step timeout',
    steps({ click: '#a', timeout: 0 }),
    ['budgets[0].interactions[0].timeout: expected a number >= 1'],
  ],
  [
    'a huge step timeout',
    steps({ click: '#a', timeout: 1e9 }),
    ['budgets[0].interactions[0].timeout: expected a number <= 120000'],
  ],
  [
    'a problem in the third step of the second entry',
    json({
      budgets: [
        { path: '/' },
        { path: '/b', interactions: [{ click: '#a' }, { wait: 100 }, { press: 'Entr' }] },
      ],
    }),
    ["budgets[1].interactions[2].press: unknown key 'Entr'"],
  ],
  // The field section: each pattern has its own message.
  [
    'a Prometheus window in words',
    json({ budgets: [], field: { prometheus: { window: 'seven days' } } }),
    ["field.prometheus.window: got 'seven days'; expected a duration"],
  ],
  [
    'a Loki window without unit',
    json({ budgets: [], field: { loki: { window: '7' } } }),
    ["field.loki.window: got '7'; expected a duration"],
  ],
  [
    'a route without leading /',
    json({ budgets: [], field: { routes: ['product/*'] } }),
    ["field.routes[0]: got 'product/*'; expected a path or route pattern starting with /"],
  ],
  [
    'keepQuery as a string',
    json({ budgets: [], field: { keepQuery: 'yes' } }),
    ['field.keepQuery: expected boolean'],
  ],
  [
    'an unknown field key',
    json({ budgets: [], field: { prometeus: {} } }),
    ["field: unknown property 'prometeus'"],
  ],
  [
    'an unknown Prometheus key',
    json({ budgets: [], field: { prometheus: { url: 'http://p' } } }),
    ["field.prometheus: unknown property 'url'"],
  ],
];

describe('a budgets file that can never work is refused before any page load', () => {
  it.each(REFUSED)('%s', async (_name, text, mentions) => {
    const path = await files.write(`refused/${_name.replace(/\W+/g, '-')}.json`, text);
    const outcome = await runCliCase([
      URL,
      '--budgets',
      path,
      '--wait-timeout',
      '0',
      '--lighthouse',
      'false',
    ]);
    expectRefused(outcome, [path, ...mentions]);
  });
});

/** Files that look odd but are fine: accepted, measured, exit 0. */
const ACCEPTED: [string, string][] = [
  ['a UTF-8 byte order mark', `\ufeff${metrics({ LCP: { max: 9000 } })}`],
  ['warn equal to max', metrics({ LCP: { max: 2500, warn: 2500 } })],
  ['a wait equal to the default step timeout', steps({ wait: 5000 })],
  ['a long wait with a longer timeout', steps({ wait: 8000, timeout: 10000 })],
  [
    'Puppeteer selectors (text, >>> and :has)',
    steps({ click: '::-p-text(Buy)' }, { hover: 'main >>> button' }, { wait: 'ul:has(> li)' }),
  ],
  [
    'a pattern that makes a backtracking regular expression explode',
    json({ budgets: [{ path: '/*a*a*a*a*a*a*a*a*a*a*a*a*b', metrics: { LCP: { max: 1 } } }] }),
  ],
];

describe('odd but valid budgets files are accepted', () => {
  it.each(ACCEPTED)('%s', async (name, text) => {
    const path = await files.write(`accepted/${name.replace(/\W+/g, '-')}.json`, text);
    const outcome = await runCliCase([
      `${URL}${'a'.repeat(39)}`,
      '--budgets',
      path,
      '--wait-timeout',
      '0',
      '--lighthouse',
      'false',
      '--runs',
      '1',
      '--output-dir',
      join(files.dir, 'out'),
    ]);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(outcome.launched).toEqual([`${URL}${'a'.repeat(39)}`]);
    expect(outcome.ms).toBeLessThan(HANG_BOUND_MS);
  });
});

describe('budgets files at scale and of the wrong kind', () => {
  it('a 10 MB file of 200,000 invalid entries: the first 20 problems, then how many more', async () => {
    const parts: string[] = [];
    for (let index = 0; index < 200_000; index++)
      parts.push(`{"path":"nope${index}","metrics":{"LCP":{"max":-1}}}`);
    const path = await files.write('huge.json', `{"budgets":[${parts.join(',')}]}`);
    const outcome = await runCliCase([URL, '--budgets', path]);
    expectRefused(outcome, [
      path,
      "budgets[0].path: got 'nope0'",
      'budgets[9].metrics.LCP.max: expected a number >= 0',
      '… and 399980 more',
    ]);
    expect(outcome.stderr.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(20);
  });

  it('an array nested a million deep: a syntax error, not a stack overflow', async () => {
    const path = await files.write('deep.json', `{"budgets":${'['.repeat(1_000_000)}`);
    const outcome = await runCliCase([URL, '--budgets', path]);
    expectRefused(outcome, [path, 'not valid JSON at line 1, column 1000012', 'found the end of the file']);
  });

  it('valid JSON nested 100,000 deep: refused by depth, not a stack overflow', async () => {
    const path = await files.write(
      'deep-valid.json',
      `{"budgets":[],"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    );
    const outcome = await runCliCase([URL, '--budgets', path]);
    expectRefused(outcome, [path, 'at most 256 levels of nesting']);
  });

  const NOT_A_FILE: [string, () => Promise<string>, string][] = [
    [
      'a FIFO nobody writes to',
      async () => {
        const path = join(files.dir, 'budgets.fifo');
        execFileSync('mkfifo', [path]);
        return path;
      },
      'it is not a regular file',
    ],
    ['/dev/zero (endless)', async () => '/dev/zero', 'it is not a regular file'],
    ['/dev/null', async () => '/dev/null', 'it is not a regular file'],
    ['a folder', async () => files.dir, 'it is a folder'],
    ['a missing file', async () => join(files.dir, 'nope.json'), 'no such file'],
    [
      'a 65 MB (sparse) file',
      async () => {
        const path = join(files.dir, 'big.json');
        await writeFile(path, '');
        await truncate(path, 65 * 1024 * 1024);
        return path;
      },
      'it is larger than 64 MB',
    ],
  ];

  it.each(NOT_A_FILE)('%s as budgets is refused at once', async (_name, make, reason) => {
    const path = await make();
    const outcome = await runCliCase([URL, '--budgets', path]);
    expectRefused(outcome, [`Cannot read the budgets file '${path}' (input 'budgets'): ${reason}`]);
  });

  it('a FIFO as rum-file: a field data warning naming the input, and the run goes on', async () => {
    const path = join(files.dir, 'field.fifo');
    execFileSync('mkfifo', [path]);
    const outcome = await runCliCase([
      URL,
      '--rum-file',
      path,
      '--wait-timeout',
      '0',
      '--lighthouse',
      'false',
      '--runs',
      '1',
      '--output-dir',
      join(files.dir, 'out-fifo'),
    ]);
    expect(outcome.code).toBe(0);
    expect(outcome.warnings.join('\n')).toContain(
      `cannot read field data file '${path}' (input 'rum-file'): it is not a regular file`,
    );
    expectNoInternals(outcome.warnings.join('\n'));
    expect(outcome.ms).toBeLessThan(HANG_BOUND_MS);
  });

  it('relativeTo rum without a field source: a warning, not a silent "not measured"', async () => {
    const path = await files.write('relative.json', metrics({ LCP: { relativeTo: 'rum', tolerance: 10 } }));
    const outcome = await runCliCase([
      URL,
      '--budgets',
      path,
      '--wait-timeout',
      '0',
      '--lighthouse',
      'false',
      '--runs',
      '1',
      '--output-dir',
      join(files.dir, 'out-rel'),
    ]);
    expect(outcome.code).toBe(0);
    expect(outcome.warnings.join('\n')).toContain(
      'budgets[0].metrics.LCP.relativeTo compare with production field data (relativeTo: "rum"), but rum-source is none',
    );
  });
});
