import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EXIT, helpText, runCli } from '../../src/cli/runCli.js';
import type { GateDeps } from '../../src/gate/runGate.js';
import type { Logger } from '../../src/log/Logger.js';
import { INPUT_DEFINITIONS } from '../../src/settings/inputDefinitions.js';
import { run } from '../helpers/fixtures.js';

/** Node's fetch when nothing listens: a TypeError whose cause names the refused connection. */
const refusingFetch = async (url: string) => {
  const { host } = new URL(url);
  throw new TypeError('fetch failed', { cause: new Error(`connect ECONNREFUSED ${host}`) });
};

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => {
    text += String(chunk);
  });
  return { stream, text: () => text };
}

const logger = (): Logger => ({
  info: () => {},
  warning: () => {},
  debug: () => {},
  group: (_n, fn) => fn(),
});

const written = new Map<string, string>();
const BEACONS = ['{"name":"LCP","value":1000,"page":"/"}', '{"name":"LCP","value":3000,"page":"/"}'].join(
  '\n',
);

function deps(lcp: number, launched: string[] = []): (log: Logger) => GateDeps {
  return (log) => ({
    log,
    readText: async (path) =>
      path.endsWith('.ndjson') ? BEACONS : '{"budgets":[{"path":"/**","metrics":{"LCP":{"max":2500}}}]}',
    files: { mkdir: async () => {}, writeFile: async (path, content) => void written.set(path, content) },
    launchMeasurer: async (settings) => {
      launched.push(settings.urls.join(' '));
      return {
        browserVersion: 'FakeChrome/1',
        measure: async (url, index) => ({ ...run(index, lcp), url }),
        lighthouse: async () => ({ summary: {} }),
        close: async () => {},
      };
    },
    now: () => new Date(0),
    probe: async () => ({ status: 200 }),
    sleep: async () => {},
    fetch: refusingFetch,
    toolVersion: 'test',
  });
}

async function cli(argv: string[], lcp = 1000, launched: string[] = []) {
  const stdout = capture();
  const stderr = capture();
  const code = await runCli(
    argv,
    { stdout: stdout.stream, stderr: stderr.stream },
    deps(lcp, launched),
    logger,
  );
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('runCli', () => {
  it('documents every action input as a flag', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(EXIT.pass);
    for (const input of INPUT_DEFINITIONS) {
      if (input.actionOnly) {
        expect(stdout).not.toContain(`--${input.name} `);
        expect(stdout).toContain(input.name);
      } else expect(stdout).toContain(`--${input.name}`);
    }
    expect(helpText()).toContain('vitals-gate demo');
  });

  it('prints the report on stdout and exits 0 when within budget', async () => {
    const launched: string[] = [];
    const result = await cli(
      ['run', 'https://a.example/', '--budgets', 'b.json', '--runs', '2', '--lighthouse', 'false'],
      1000,
      launched,
    );
    expect(result.code).toBe(EXIT.pass);
    expect(result.stdout).toContain('## ✅ vitals-gate: pass');
    expect(launched).toEqual(['https://a.example/']);
  });

  it('exits 1 when a budget fails', async () => {
    const result = await cli(['--urls', 'https://a.example/', '--budgets', 'b.json'], 4000);
    expect(result.code).toBe(EXIT.fail);
    expect(result.stdout).toContain('## ❌ vitals-gate: fail');
  });

  it('exits 2 with a one-line error naming the input, without a stack trace', async () => {
    const result = await cli(['https://a.example/', '--runs', 'many']);
    expect(result.code).toBe(EXIT.error);
    expect(result.stderr).toBe(
      "vitals-gate: Invalid input 'runs': 'many'. Expected a whole number from 1 to 50.\n",
    );
  });

  it('rum writes a field data snapshot from the configured source', async () => {
    const result = await cli([
      'rum',
      '--rum-source',
      'file',
      '--rum-file',
      'beacons.ndjson',
      '--out',
      'field.json',
    ]);
    expect(result.code).toBe(EXIT.pass);
    expect(result.stdout).toContain('Wrote field.json');
    const snapshot = JSON.parse(written.get('field.json') ?? '{}');
    expect(snapshot.pages['/'].metrics.LCP).toEqual({ p75: 2500, samples: 2 });
  });

  it('rum explains what a source needs', async () => {
    const result = await cli(['rum', '--rum-source', 'prometheus']);
    expect(result.code).toBe(EXIT.error);
    expect(result.stderr).toBe(
      "vitals-gate: Missing input 'rum-url': rum-source 'prometheus' needs the base URL of the prometheus server.\n",
    );
  });

  it('exits 2 on an unknown flag, pointing at --help', async () => {
    const result = await cli(['--rnus', '3']);
    expect(result.code).toBe(EXIT.error);
    expect(result.stderr).toBe(
      "vitals-gate: Unknown option '--rnus'. Run 'vitals-gate --help' for the flags.\n",
    );
  });
});
