import type { BudgetsFile } from './Budgets.js';

/** The JSON paths of every budget compared with production field data (`relativeTo: "rum"`). */
export function relativeBudgetPaths(budgets: BudgetsFile): string[] {
  const paths: string[] = [];
  for (const [index, entry] of budgets.budgets.entries()) {
    for (const [name, budget] of Object.entries(entry.metrics ?? {})) {
      if (budget.relativeTo) paths.push(`budgets[${index}].metrics.${name}.relativeTo`);
    }
  }
  return paths;
}
