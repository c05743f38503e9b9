import { Ajv, type ErrorObject } from 'ajv';
import schema from '../../budgets.schema.json' with { type: 'json' };
import { UserError } from '../errors/UserError.js';
import type { BudgetEntry, BudgetsFile, Threshold } from './Budgets.js';

const ajv = new Ajv({ allErrors: true, verbose: true });
const validate = ajv.compile(schema);

/** `/budgets/0/metrics/LCP` → `budgets[0].metrics.LCP` (the root is `(root)`). */
export function toJsonPath(instancePath: string): string {
  if (!instancePath) return '(root)';
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

function describeSchemaError(error: ErrorObject): string {
  const at = toJsonPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys(
        (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {},
      );
      return `${at}: unknown property '${String(params.additionalProperty)}'; expected one of: ${allowed.join(', ')}`;
    }
    case 'required':
      return `${at}: missing property '${String(params.missingProperty)}'`;
    case 'type':
      return `${at}: expected ${String(params.type)}`;
    case 'minimum':
      return `${at}: expected a number >= ${String(params.limit)}`;
    case 'minProperties':
      return `${at}: expected at least one of max or warn`;
    case 'minLength':
      return `${at}: expected a non-empty string (a CSS selector or key name)`;
    case 'oneOf':
      return `${at}: expected exactly one action: click, tap, type (with text), press, hover, scroll or wait`;
    case 'dependencies':
      return `${at}: 'text' goes with a 'type' step`;
    case 'pattern':
      return `${at}: expected a path pattern starting with / (e.g. "/", "/product/*", "/**")`;
    default:
      return `${at}: ${error.message ?? 'invalid'}`;
  }
}

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
    throw new UserError(`Budgets file '${file}' is not valid JSON${where}: ${message}`);
  }
}

function checkWarnBelowMax(threshold: Threshold | undefined, path: string, problems: string[]): void {
  if (threshold?.max !== undefined && threshold.warn !== undefined && threshold.warn > threshold.max) {
    problems.push(`${path}: warn (${threshold.warn}) must not be greater than max (${threshold.max})`);
  }
}

/**
 * Parses and validates the text of a budgets file against budgets.schema.json, plus the rules a schema
 * cannot say (warn ≤ max). Throws a UserError naming the file, the JSON path and what was expected.
 */
export function parseBudgets(text: string, file: string): BudgetsFile {
  const data = parseJson(text, file);
  const problems: string[] = [];
  if (!validate(data)) {
    const errors = validate.errors ?? [];
    // A failed oneOf also reports each branch's `required`; the oneOf message says it better.
    const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
    const relevant = errors.filter(
      (e) => !(oneOfPaths.has(e.instancePath) && e.schemaPath.includes('/oneOf/')),
    );
    problems.push(...relevant.map(describeSchemaError));
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
    });
  }
  if (problems.length > 0) {
    const list = [...new Set(problems)].map((problem) => `  - ${problem}`).join('\n');
    throw new UserError(`Budgets file '${file}' is invalid (see budgets.schema.json):\n${list}`);
  }
  return { source: file, budgets: (data as { budgets: BudgetEntry[] }).budgets };
}

/** Reads a file's text; an interface so the loader can be tested without the file system. */
export type ReadText = (path: string) => Promise<string>;

/** Reads and validates a budgets file; a missing file is a UserError too. */
export async function loadBudgets(file: string, readText: ReadText): Promise<BudgetsFile> {
  let text: string;
  try {
    text = await readText(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code);
    throw new UserError(
      `Cannot read the budgets file '${file}' (input 'budgets'): ${reason}. Expected a path to a JSON file, relative to the working directory.`,
    );
  }
  return parseBudgets(text, file);
}
