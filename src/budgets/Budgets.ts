import type { InpSubpart, LcpSubpart, MetricName } from '../metrics/metricDefinitions.js';
import type { InteractionStep } from './InteractionStep.js';

/** Above `max` fails, above `warn` warns (ms, or unitless for CLS). */
export interface Threshold {
  max?: number;
  warn?: number;
}

export interface MetricBudget extends Threshold {
  /** LCP and INP: budgets per subpart (by the subpart's median). */
  subparts?: Partial<Record<LcpSubpart | InpSubpart, Threshold>>;
  /** INP only: budget on the time third-party scripts ran during the INP interaction (median over runs). */
  thirdPartyScripts?: Threshold;
}

/** One entry of the budgets file. */
export interface BudgetEntry {
  /** URL path pattern: `*` within a segment, `**` across segments. */
  path: string;
  metrics?: Partial<Record<MetricName, MetricBudget>>;
  /** Steps performed after load in every run; INP is measured over them. */
  interactions?: InteractionStep[];
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
  /** The interactions of the last matching entry that declares any. */
  interactions?: InteractionStep[];
}
