import { describeChange, describeCheck } from '../report/describeCheck.js';
import { describeResourceCheck, describeScoreCheck } from '../report/describeResourceCheck.js';
import { pageLabel } from '../report/labels.js';
import type { GateResults } from '../results/GateResults.js';

export interface Annotation {
  level: 'failure' | 'warning';
  title: string;
  message: string;
}

const plain = (text: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: annotations are one line of plain text.
  text.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 300);

/**
 * One annotation per failing budget, significant regression and problem (failure), and per warning
 * threshold passed (warning). Plain text, page paths included: annotations are not markdown. Pure.
 */
export function budgetAnnotations(results: GateResults, name: string): Annotation[] {
  return results.urls.flatMap((result) => {
    const page = plain(pageLabel(result.url));
    const checks = result.verdict.checks
      .filter((check) => check.status === 'fail' || check.status === 'warn')
      .map(
        (check): Annotation => ({
          level: check.status === 'fail' ? 'failure' : 'warning',
          title: `${name}: ${check.metric} ${check.status === 'fail' ? 'over budget' : 'over its warning threshold'} on ${page}`,
          message: plain(`${page}: ${describeCheck(check)}`),
        }),
      );
    const regressions = (result.baseline?.comparisons ?? [])
      .filter((comparison) => comparison.state === 'regression' && !comparison.subpart)
      .map(
        (comparison): Annotation => ({
          level: 'failure',
          title: `${name}: ${comparison.metric} regressed on ${page}`,
          message: plain(
            `${page}: ${comparison.metric} ${describeChange(comparison)} vs the baseline, p = ${comparison.p.toFixed(3)}`,
          ),
        }),
      );
    const problems = result.verdict.problems.map(
      (problem): Annotation => ({
        level: 'failure',
        title: `${name}: ${page} could not be measured`,
        message: plain(`${page}: ${problem}`),
      }),
    );
    const level = (status: string): Annotation['level'] => (status === 'fail' ? 'failure' : 'warning');
    const over = (status: string) => (status === 'fail' ? 'over budget' : 'over its warning threshold');
    const resources = (result.verdict.resources ?? [])
      .filter((check) => check.status === 'fail' || check.status === 'warn')
      .map(
        (check): Annotation => ({
          level: level(check.status),
          title: `${name}: ${check.category} ${check.measure === 'bytes' ? 'bytes' : 'requests'} ${over(check.status)} on ${page}`,
          message: plain(`${page}: ${describeResourceCheck(check)}`),
        }),
      );
    const score = result.verdict.score;
    const scores =
      score && (score.status === 'fail' || score.status === 'warn')
        ? [
            {
              level: level(score.status),
              title: `${name}: Lighthouse performance score ${over(score.status)} on ${page}`,
              message: plain(`${page}: ${describeScoreCheck(score)}`),
            },
          ]
        : [];
    return [...problems, ...regressions, ...checks, ...resources, ...scores];
  });
}
