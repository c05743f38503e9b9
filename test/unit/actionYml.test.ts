import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { OUTPUT_NAMES } from '../../src/action/outputNames.js';
import { INPUT_DEFINITIONS } from '../../src/settings/inputDefinitions.js';

interface ActionYml {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as ActionYml;

describe('action.yml', () => {
  it('runs dist/index.js on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('declares exactly the inputs the code parses, with the same defaults', () => {
    expect(Object.keys(action.inputs)).toEqual(INPUT_DEFINITIONS.map((input) => input.name));
    for (const input of INPUT_DEFINITIONS) {
      expect(action.inputs[input.name]?.default, input.name).toBe(input.default);
      expect(action.inputs[input.name]?.description.length, input.name).toBeGreaterThan(20);
    }
  });

  it('declares exactly the outputs the code sets, each described', () => {
    expect(Object.keys(action.outputs)).toEqual([...OUTPUT_NAMES]);
    for (const name of OUTPUT_NAMES) {
      expect(action.outputs[name]?.description.length, name).toBeGreaterThan(20);
    }
  });
});
