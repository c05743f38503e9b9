import { UserError } from '../../errors/UserError.js';
import { ProblemList } from '../../schema/ProblemList.js';
import type { BudgetsFile } from '../Budgets.js';
import { convertBudgetJson } from './convertBudgetJson.js';
import { convertLhciConfig } from './convertLhciConfig.js';
import type { ImportedBudgets } from './ImportedBudgets.js';
import { isRecord } from './jsonPath.js';
import { parseConfigText } from './parseConfigText.js';

/** Reads a file that the budgets input names (or a budgetsFile it refers to). */
export type ReadFile = (path: string) => Promise<string>;

function fail(file: string, format: string, problems: string[]): never {
  const list = new ProblemList();
  list.addAll(problems);
  throw new UserError(list.format(`Budgets file '${file}' (${format}) is invalid:`));
}

/**
 * The budgets of a file by its content: vitals-gate's own (`{budgets: [...]}`: `own` is handed the data),
 * a Lighthouse budget.json (an array), or an LHCI config (`{ci: {assert}}`; its `budgetsFile` is read
 * through `readFile`). Lighthouse files come back converted, with their warnings; invalid ones fail with
 * the file, the JSON path and what was expected.
 */
export async function importBudgets(
  text: string,
  file: string,
  readFile: ReadFile,
  own: (data: unknown) => BudgetsFile,
): Promise<BudgetsFile> {
  const data = parseConfigText(text, file);
  let imported: ImportedBudgets;
  if (Array.isArray(data)) {
    const outcome = convertBudgetJson(data, file);
    if (outcome.problems.length) fail(file, 'a Lighthouse budget.json', outcome.problems);
    imported = outcome.imported;
  } else if (isRecord(data) && ('ci' in data || 'extends' in data) && !('budgets' in data)) {
    const outcome = convertLhciConfig(data, file);
    if (outcome.problems.length) fail(file, 'an LHCI config', outcome.problems);
    imported = outcome.imported;
    if (outcome.budgetsFile) {
      const nested = await importBudgets(
        await readFile(outcome.budgetsFile),
        outcome.budgetsFile,
        readFile,
        own,
      );
      return {
        ...nested,
        source: `${file} → ${nested.source}`,
        warnings: [...imported.warnings, ...(nested.warnings ?? [])],
      };
    }
  } else if (isRecord(data) && 'budgets' in data) {
    return own(data);
  } else {
    throw new UserError(
      `Budgets file '${file}' is not a budgets file: expected vitals-gate's {"budgets": [...]}, a Lighthouse budget.json (an array of {path, resourceSizes, resourceCounts, timings}) or an LHCI config ({"ci": {"assert": ...}}).`,
    );
  }
  const budgets = own({ budgets: imported.budgets });
  return { ...budgets, source: `${file} (${imported.format}, imported)`, warnings: imported.warnings };
}
