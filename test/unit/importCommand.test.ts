import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseBudgets } from '../../src/budgets/loadBudgets.js';
import { BUDGETS_SCHEMA_URL, importCommand } from '../../src/cli/importCommand.js';
import { helpText } from '../../src/cli/runCli.js';
import type { Logger } from '../../src/log/Logger.js';

const CORPUS = new URL('../fixtures/lighthouse/', import.meta.url).pathname;

function setup() {
  const lines: string[] = [];
  const files = new Map<string, string>();
  const log: Logger = {
    info: (message) => void lines.push(`info: ${message}`),
    warning: (message) => void lines.push(`warning: ${message}`),
    debug: () => {},
    group: (_name, fn) => fn(),
  };
  const stdout = new PassThrough();
  let printed = '';
  stdout.on('data', (chunk) => {
    printed += String(chunk);
  });
  const deps = {
    log,
    readText: (path: string) => readFile(join(CORPUS, path), 'utf8'),
    files: {
      mkdir: async () => {},
      writeFile: async (path: string, text: string) => void files.set(path, text),
    },
  };
  return { deps, lines, files, stdout, printed: () => printed };
}

describe('vitals-gate import', () => {
  it('writes the equivalent budgets file with $schema, valid against the schema, and prints every warning', async () => {
    const { deps, lines, files, stdout } = setup();
    await importCommand(['budget.json'], 'budgets.json', deps, stdout);
    const text = files.get('budgets.json') ?? '';
    const data = JSON.parse(text);
    expect(data.$schema).toBe(BUDGETS_SCHEMA_URL);
    expect(parseBudgets(text, 'budgets.json').budgets).toEqual(data.budgets);
    expect(data.budgets[0]).toMatchObject({
      path: '/**',
      override: true,
      resources: { script: { max: 300 } },
    });
    expect(lines.filter((line) => line.startsWith('warning: '))).toHaveLength(4);
    expect(lines.at(-1)).toBe(
      'info: Imported budget.json (Lighthouse budget.json, imported): 4 entries, 4 warning(s). Wrote budgets.json; use it with --budgets budgets.json.',
    );
  });

  it('prints to stdout without --out; refuses to overwrite the imported file; says how to call it', async () => {
    const { deps, stdout, printed, files } = setup();
    await importCommand(['lighthouserc.yml'], undefined, deps, stdout);
    await new Promise((resolve) => setImmediate(resolve));
    expect(JSON.parse(printed()).budgets).toHaveLength(2);
    expect(files.size).toBe(0);
    await expect(importCommand(['budget.json'], './budget.json', deps, stdout)).rejects.toThrow(
      "Invalid flag '--out': './budget.json' is the file being imported. Expected another path.",
    );
    await expect(importCommand([], undefined, deps, stdout)).rejects.toThrow(
      'Usage: vitals-gate import FILE [--out budgets.json].',
    );
    expect(helpText()).toContain('vitals-gate import FILE [--out F]');
  });
});
