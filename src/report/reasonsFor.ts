import type { UrlResult } from '../results/GateResults.js';
import { describeChange, describeCheck } from './describeCheck.js';
import { describeResourceCheck, describeScoreCheck } from './describeResourceCheck.js';

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
  const resources = result.verdict.resources ?? [];
  const score = result.verdict.score ? [result.verdict.score] : [];
  return [
    ...result.verdict.problems,
    ...comparisonReasons(result),
    ...result.verdict.checks
      .filter((check) => check.status === 'fail')
      .map((check) => `❌ ${describeCheck(check)}`),
    ...resources
      .filter((check) => check.status === 'fail')
      .map((check) => `❌ ${describeResourceCheck(check)}`),
    ...score.filter((check) => check.status === 'fail').map((check) => `❌ ${describeScoreCheck(check)}`),
    ...result.verdict.checks
      .filter((check) => check.status === 'warn')
      .map((check) => `⚠️ ${describeCheck(check)}`),
    ...resources
      .filter((check) => check.status === 'warn')
      .map((check) => `⚠️ ${describeResourceCheck(check)}`),
    ...score.filter((check) => check.status === 'warn').map((check) => `⚠️ ${describeScoreCheck(check)}`),
  ];
}
