import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { expect } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import { readRegularFile } from '../../src/gate/readRegularFile.js';
import type { GateDeps } from '../../src/gate/runGate.js';
import type { Logger } from '../../src/log/Logger.js';
import { run } from '../helpers/fixtures.js';

/**
 * A case of the adversarial suite takes milliseconds; this bound only catches a hang (the failures this
 * suite guards against took minutes or never ended). Generous for a loaded 2-core machine.
 */
export const HANG_BOUND_MS = 15_000;

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
  warnings: string[];
  /** The URLs each browser launch was asked to measure: empty when the input was refused first. */
  launched: string[];
  ms: number;
}

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => {
    text += String(chunk);
  });
  return { stream, text: () => text };
}

/** A scratch folder for one test file's real files (budgets, FIFOs, an output-dir that is a file). */
export async function scratch(): Promise<{
  dir: string;
  write(name: string, text: string): Promise<string>;
  remove(): Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'vg-adversarial-'));
  return {
    dir,
    write: async (name, text) => {
      const path = join(dir, name);
      await mkdir(join(path, '..'), { recursive: true });
      await writeFile(path, text);
      return path;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * The CLI in-process with the real file system (input files read as the shipped CLI reads them, output
 * folders created for real) and real HTTP for field sources; only the browser is replaced, by a measurer
 * that records what it was asked and answers one fixed run, so every case shows whether a page load was
 * ever reached.
 */
export async function runCliCase(argv: string[], lcp = 1000): Promise<CliOutcome> {
  const stdout = capture();
  const stderr = capture();
  const warnings: string[] = [];
  const launched: string[] = [];
  const logger = (): Logger => ({
    info: () => {},
    warning: (message) => void warnings.push(message),
    debug: () => {},
    group: (_name, fn) => fn(),
  });
  const deps = (log: Logger): GateDeps => ({
    log,
    readText: readRegularFile,
    files: {
      mkdir: async (path) => {
        await mkdir(path, { recursive: true });
      },
      writeFile: (path, content) => writeFile(path, content),
    },
    launchMeasurer: async (settings) => {
      launched.push(...settings.urls);
      return {
        browserVersion: 'FakeChrome/1',
        measure: async (url, index) => ({ ...run(index, lcp), url }),
        lighthouse: async () => ({ summary: {} }),
        close: async () => {},
      };
    },
    now: () => new Date('2026-12-01T00:00:00Z'),
    probe: async () => ({ status: 200 }),
    sleep: async () => {},
    fetch: (url, init) => fetch(url, init),
    toolVersion: 'test',
  });
  const started = performance.now();
  const code = await runCli(
    argv,
    { stdout: stdout.stream, stderr: stderr.stream },
    deps,
    logger,
    new EventEmitter() as never,
  );
  return {
    code,
    stdout: stdout.text(),
    stderr: stderr.text(),
    warnings,
    launched,
    ms: performance.now() - started,
  };
}

/** What every refused input must look like: exit 2, one `vitals-gate:` message naming what is wrong, no stack. */
export function expectRefused(
  outcome: CliOutcome,
  mentions: readonly string[],
  boundMs = HANG_BOUND_MS,
): void {
  expect(outcome.code, outcome.stderr).toBe(2);
  expect(outcome.stderr).toMatch(/^vitals-gate: /);
  for (const mention of mentions) expect(outcome.stderr).toContain(mention);
  expectNoInternals(outcome.stderr);
  expect(outcome.launched, 'refused before any page load').toEqual([]);
  expect(outcome.ms).toBeLessThan(boundMs);
}

/** No stack trace, no JavaScript internals leaking into a message meant for a person. */
export function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/\n\s+at [\w.<]+ \(|\bat file:\/\/|node:internal/);
  expect(text).not.toMatch(
    /Cannot read propert|is not a function|is not iterable|Maximum call stack|\[object Object\]/,
  );
}
