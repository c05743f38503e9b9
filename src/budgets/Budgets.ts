import type { InpSubpart, LcpSubpart, MetricName } from '../metrics/metricDefinitions.js';
import type { InteractionStep } from './InteractionStep.js';

/** Above `max` fails, above `warn` warns (ms, or unitless for CLS). */
export interface Threshold {
  max?: number;
  warn?: number;
}

/** Also compare the lab median with the production p75: fail above p75 × (1 + tolerance/100). */
export interface RelativeBudget {
  relativeTo?: 'rum';
  /** Percent above the production p75 that fails. */
  tolerance?: number;
  /** Percent above the production p75 that warns. */
  warnTolerance?: number;
}

export interface MetricBudget extends Threshold, RelativeBudget {
  /** LCP and INP: budgets per subpart (by the subpart's median). */
  subparts?: Partial<Record<LcpSubpart | InpSubpart, Threshold>>;
  /** INP only: budget on the time third-party scripts ran during the INP interaction (median over runs). */
  thirdPartyScripts?: Threshold;
}

/** The resource categories a budget can name: Lighthouse's resource types, third parties, all requests. */
export const RESOURCE_CATEGORIES = [
  'document',
  'script',
  'stylesheet',
  'image',
  'font',
  'media',
  'other',
  'third-party',
  'total',
] as const;
export type ResourceCategory = (typeof RESOURCE_CATEGORIES)[number];

/**
 * A budget on the bytes (KiB on the wire, 1 KiB = 1024 bytes, headers included) and the number of requests
 * of one resource category, compared by their medians over the runs.
 */
export interface ResourceBudget {
  /** Fail above this many KiB. */
  max?: number;
  /** Warn above this many KiB. */
  warn?: number;
  /** Fail above this many requests. */
  maxRequests?: number;
  /** Warn above this many requests. */
  warnRequests?: number;
}

/** A budget on the Lighthouse performance score (0-100), when the Lighthouse navigation runs. */
export interface ScoreBudget {
  /** Fail below this score. */
  min?: number;
  /** Warn below this score. */
  warn?: number;
}

/** One entry of the budgets file. */
export interface BudgetEntry {
  /** URL path pattern: `*` within a segment, `**` across segments. */
  path: string;
  /** Earlier matching entries' budgets no longer apply (Lighthouse's "last match wins"); interactions stay. */
  override?: boolean;
  metrics?: Partial<Record<MetricName, MetricBudget>>;
  /** Steps performed after load in every run; INP is measured over them. */
  interactions?: InteractionStep[];
  /** Budgets on bytes and requests per resource category. */
  resources?: Partial<Record<ResourceCategory, ResourceBudget>>;
  /** A budget on the Lighthouse performance score. */
  performanceScore?: ScoreBudget;
}

/** How production field data is matched to measured pages and queried (the budgets file's `field`). */
export interface FieldOptions {
  routes?: string[];
  keepQuery?: boolean;
  pageField?: string;
  prometheus?: {
    metric?: string;
    metricLabel?: string;
    pageLabel?: string;
    window?: string;
    matchers?: string;
  };
  loki?: { selector?: string; window?: string; pageLabel?: string };
}

/** A validated budgets file. */
export interface BudgetsFile {
  /** Where the budgets came from: a file path, or a description of the defaults. */
  source: string;
  budgets: BudgetEntry[];
  field?: FieldOptions;
  /** What an imported Lighthouse file could not map, or mapped approximately (JSON path in the file). */
  warnings?: string[];
}

/** The budgets that apply to one URL after merging every matching entry. */
export interface ResolvedBudget {
  /** Path patterns of the entries that matched, in file order. */
  matched: string[];
  metrics: Partial<Record<MetricName, MetricBudget>>;
  /** The interactions of the last matching entry that declares any. */
  interactions?: InteractionStep[];
  /** Per category, the budget of the last matching entry that names it. */
  resources?: Partial<Record<ResourceCategory, ResourceBudget>>;
  performanceScore?: ScoreBudget;
}
