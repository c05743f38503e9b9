import type { ResolvedBudget } from '../budgets/Budgets.js';
import type { ScoreCheck } from './Verdict.js';

/** Checks the Lighthouse performance score (0-100): below `min` fails, below `warn` warns; not measured without a score. */
export function scoreCheck(score: number | undefined, budget: ResolvedBudget): ScoreCheck | undefined {
  const limits = budget.performanceScore;
  if (!limits) return undefined;
  const status =
    score === undefined
      ? 'not-measured'
      : limits.min !== undefined && score < limits.min
        ? 'fail'
        : limits.warn !== undefined && score < limits.warn
          ? 'warn'
          : 'pass';
  return { value: score, limits, status };
}
