import type { BudgetEntry } from '../Budgets.js';

/** A Lighthouse budget.json or LHCI config converted to vitals-gate budget entries. */
export interface ImportedBudgets {
  /** What the file was read as, for the report's budgets source. */
  format: 'Lighthouse budget.json' | 'LHCI config';
  budgets: BudgetEntry[];
  /** What could not be mapped or was mapped approximately, each with its JSON path in the file. */
  warnings: string[];
}
