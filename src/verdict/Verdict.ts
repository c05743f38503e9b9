import type { ResourceCategory, ScoreBudget, Threshold } from '../budgets/Budgets.js';
import type { InpSubpart, LcpSubpart, MetricName } from '../metrics/metricDefinitions.js';
import type { ThirdPartyBasis } from './thirdPartyScriptTime.js';

/** What a check looks at below the metric itself: a subpart, or INP's third-party script time. */
export type CheckPart = LcpSubpart | InpSubpart | 'thirdPartyScripts' | 'field';

/** pass < warn < fail; warnings never fail the gate. */
export type Status = 'pass' | 'warn' | 'fail';

/** One budget compared with one median. */
export interface BudgetCheck {
  metric: MetricName;
  /** Set for subpart budgets (LCP, INP) and INP's third-party script budget. */
  subpart?: CheckPart;
  /** The median compared; undefined when the metric was not measured. */
  value?: number;
  threshold: Threshold;
  /** `not-measured` never fails: the report says so instead. */
  status: Status | 'not-measured';
  /** For `field` checks: the production p75 the limits derive from. */
  fieldP75?: number;
  /** For `thirdPartyScripts` checks: the attribution whose (larger) value was checked. */
  basis?: ThirdPartyBasis;
}

/** One resource budget compared with one median: bytes on the wire, or the number of requests. */
export interface ResourceCheck {
  category: ResourceCategory;
  measure: 'bytes' | 'requests';
  /** The median compared (bytes or requests); undefined without a network log. */
  value?: number;
  /** In the unit of `value` (a KiB budget × 1024). */
  threshold: Threshold;
  status: Status | 'not-measured';
}

/** The Lighthouse performance score (0-100) against its budget. */
export interface ScoreCheck {
  value?: number;
  limits: ScoreBudget;
  status: Status | 'not-measured';
}

export interface UrlVerdict {
  url: string;
  status: Status;
  checks: BudgetCheck[];
  /** Resource budget checks, when the page has resource budgets. */
  resources?: ResourceCheck[];
  /** The performance score check, when the page has a score budget. */
  score?: ScoreCheck;
  /** Why the URL failed beyond budgets (e.g. no run succeeded). */
  problems: string[];
}

/**
 * A gate's verdict: `error` when not everything was measured (a shard missing from a merge), `cancelled`
 * when the gate was stopped before it could decide.
 */
export type GateStatus = Status | 'error' | 'cancelled';

export interface GateVerdict {
  /** `cancelled`: the gate was stopped before it could decide (SIGTERM, SIGINT); nothing passed or failed. */
  status: GateStatus;
  urls: UrlVerdict[];
}
