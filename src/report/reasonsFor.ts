import type { UrlResult } from '../results/GateResults.js';
import { describeChange, describeCheck } from './describeCheck.js';

function comparisonReasons(result: UrlResult): string[] {
  return (result.baseline?.comparisons ?? [])
    .filter((c) => !c.subpart && (c.state === 'regression' || c.state === 'inconclusive'))
    .map((c) =>
      c.state === 'regression'
        ? `❌ ${c.metric} ${describeChange(c)} vs baseline, p = ${c.p.toFixed(3)}`
        : `⚠️ ${c.metric} ${describeChange(c)} vs baseline: inconclusive`,
    );
}

/** Why a page did not pass: problems, then comparisons, failing checks, warnings. */
export function reasonsFor(result: UrlResult): string[] {
  return [
    ...result.verdict.problems,
    ...comparisonReasons(result),
    ...result.verdict.checks
      .filter((check) => check.status === 'fail')
      .map((check) => `❌ ${describeCheck(check)}`),
    ...result.verdict.checks
      .filter((check) => check.status === 'warn')
      .map((check) => `⚠️ ${describeCheck(check)}`),
  ];
}
