import { INP_SUBPART_TITLES, LCP_SUBPART_TITLES } from '../metrics/metricDefinitions.js';
import type { BudgetCheck, CheckPart, GateStatus } from '../verdict/Verdict.js';

export const HEADLINE: Record<GateStatus, string> = {
  pass: '✅ vitals-gate: pass',
  warn: '⚠️ vitals-gate: pass with warnings',
  fail: '❌ vitals-gate: fail',
  error: '🛑 vitals-gate: error',
  cancelled: '⏹️ vitals-gate: cancelled (no verdict)',
};

export const STATUS_ICON: Record<BudgetCheck['status'], string> = {
  pass: '✅',
  warn: '⚠️',
  fail: '❌',
  'not-measured': '➖',
};

export const PART_TITLES: Record<CheckPart, string> = {
  ...LCP_SUBPART_TITLES,
  ...INP_SUBPART_TITLES,
  thirdPartyScripts: 'Third-party scripts',
  field: 'vs production p75',
};

/** The page's path and query, as a short label. */
export function pageLabel(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/** How a script's party is shown. */
export const PARTY_LABEL = { first: 'first party', third: '🟥 third party', unknown: 'unknown' } as const;
