import { Ajv } from 'ajv';
import schema from '../../budgets.schema.json' with { type: 'json' };
import { UserError } from '../errors/UserError.js';
import { describeSchemaErrors, parseJson, toJsonPath } from '../schema/jsonErrors.js';

export { toJsonPath };

import type { BudgetEntry, BudgetsFile, FieldOptions, Threshold } from './Budgets.js';
import { importBudgets } from './lighthouse/importBudgets.js';

const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true });
const validate = ajv.compile(schema);

function checkWarnBelowMax(threshold: Threshold | undefined, path: string, problems: string[]): void {
  if (threshold?.max !== undefined && threshold.warn !== undefined && threshold.warn > threshold.max) {
    problems.push(`${path}: warn (${threshold.warn}) must not be greater than max (${threshold.max})`);
  }
}

/** Resource budgets: warn ≤ max and warnRequests ≤ maxRequests; score budgets: warn ≥ min. */
function checkResourceBudgets(entry: BudgetEntry, path: string, problems: string[]): void {
  for (const [category, budget] of Object.entries(entry.resources ?? {})) {
    checkWarnBelowMax(budget, `${path}.resources.${category}`, problems);
    if (
      budget.maxRequests !== undefined &&
      budget.warnRequests !== undefined &&
      budget.warnRequests > budget.maxRequests
    ) {
      problems.push(
        `${path}.resources.${category}: warnRequests (${budget.warnRequests}) must not be greater than maxRequests (${budget.maxRequests})`,
      );
    }
  }
  const score = entry.performanceScore;
  if (score?.min !== undefined && score.warn !== undefined && score.warn < score.min) {
    problems.push(`${path}.performanceScore: warn (${score.warn}) must not be below min (${score.min})`);
  }
}

/**
 * Parses and validates the text of a budgets file against budgets.schema.json, plus the rules a schema
 * cannot say (warn ≤ max). Throws a UserError naming the file, the JSON path and what was expected.
 */
export function parseBudgets(text: string, file: string): BudgetsFile {
  return validateBudgets(parseJson(text, `Budgets file '${file}'`), file);
}

/** Validates parsed budgets data (see `parseBudgets`). */
export function validateBudgets(data: unknown, file: string): BudgetsFile {
  const problems: string[] = [];
  if (!validate(data)) {
    problems.push(...describeSchemaErrors(validate.errors ?? []));
  } else {
    const budgets = (data as { budgets: BudgetEntry[] }).budgets;
    budgets.forEach((entry, index) => {
      for (const [name, budget] of Object.entries(entry.metrics ?? {})) {
        const path = `budgets[${index}].metrics.${name}`;
        checkWarnBelowMax(budget, path, problems);
        for (const [subpart, threshold] of Object.entries(budget.subparts ?? {})) {
          checkWarnBelowMax(threshold, `${path}.subparts.${subpart}`, problems);
        }
      }
      checkResourceBudgets(entry, `budgets[${index}]`, problems);
    });
  }
  if (problems.length > 0) {
    const list = [...new Set(problems)].map((problem) => `  - ${problem}`).join('\n');
    throw new UserError(`Budgets file '${file}' is invalid (see budgets.schema.json):\n${list}`);
  }
  const { budgets, field } = data as { budgets: BudgetEntry[]; field?: FieldOptions };
  return { source: file, budgets, ...(field ? { field } : {}) };
}

/** Reads a file's text; an interface so the loader can be tested without the file system. */
export type ReadText = (path: string) => Promise<string>;

/** Reads a budgets file's text; a missing file is a UserError naming the input. */
async function readBudgetsText(file: string, readText: ReadText): Promise<string> {
  try {
    return await readText(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code);
    throw new UserError(
      `Cannot read the budgets file '${file}' (input 'budgets'): ${reason}. Expected a path to a budgets file (vitals-gate's JSON, a Lighthouse budget.json or a lighthouserc), relative to the working directory.`,
    );
  }
}

/**
 * Reads and validates a budgets file: vitals-gate's own, or — detected by content — a Lighthouse
 * budget.json or an LHCI config (lighthouserc .json/.yml/.yaml/.js/.cjs, the JS read as data and never
 * run), converted with warnings for what cannot be mapped. A missing file is a UserError too.
 */
export async function loadBudgets(file: string, readText: ReadText): Promise<BudgetsFile> {
  const read = (path: string) => readBudgetsText(path, readText);
  return importBudgets(await read(file), file, read, (data) => validateBudgets(data, file));
}
