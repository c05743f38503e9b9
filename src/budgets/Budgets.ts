import type { LcpSubpart, MetricName } from '../metrics/metricDefinitions.js';

/** Above `max` fails, above `warn` warns (ms, or unitless for CLS). */
export interface Threshold {
  max?: number;
  warn?: number;
}

export interface MetricBudget extends Threshold {
  /** LCP only: budgets per subpart. */
  subparts?: Partial<Record<LcpSubpart, Threshold>>;
}

/** One entry of the budgets file. */
export interface BudgetEntry {
  /** URL path pattern: `*` within a segment, `**` across segments. */
  path: string;
  metrics?: Partial<Record<MetricName, MetricBudget>>;
}

/** A validated budgets file. */
export interface BudgetsFile {
  /** Where the budgets came from: a file path, or a description of the defaults. */
  source: string;
  budgets: BudgetEntry[];
}

/** The budgets that apply to one URL after merging every matching entry. */
export interface ResolvedBudget {
  /** Path patterns of the entries that matched, in file order. */
  matched: string[];
  metrics: Partial<Record<MetricName, MetricBudget>>;
}
