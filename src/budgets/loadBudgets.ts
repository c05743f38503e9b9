import { describeReadError } from '../errors/describeReadError.js';
import { UserError } from '../errors/UserError.js';
import { parseJson, toJsonPath } from '../schema/jsonErrors.js';
import type { BudgetEntry, BudgetsFile, FieldOptions } from './Budgets.js';
import { findBudgetProblems } from './findBudgetProblems.js';
import { importBudgets } from './lighthouse/importBudgets.js';

export { toJsonPath };

/**
 * Parses and validates the text of a budgets file against budgets.schema.json, plus the rules a schema
 * cannot say (see findBudgetProblems). Throws a UserError naming the file, the JSON path and what was
 * expected: the first 20 problems, then how many more.
 */
export function parseBudgets(text: string, file: string): BudgetsFile {
  return validateBudgets(parseJson(text, `Budgets file '${file}'`), file);
}

/** Validates parsed budgets data (see `parseBudgets`). */
export function validateBudgets(data: unknown, file: string): BudgetsFile {
  const problems = findBudgetProblems(data);
  if (problems.count > 0) {
    throw new UserError(problems.format(`Budgets file '${file}' is invalid (see budgets.schema.json):`));
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
    throw new UserError(
      `Cannot read the budgets file '${file}' (input 'budgets'): ${describeReadError(error)}. Expected a path to a budgets file (vitals-gate's JSON, a Lighthouse budget.json or a lighthouserc), relative to the working directory.`,
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
