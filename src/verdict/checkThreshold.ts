import type { Threshold } from '../budgets/Budgets.js';
import type { BudgetCheck } from './Verdict.js';

/** Compares one value with one threshold: above max fails, above warn warns (equal passes). */
export function checkThreshold(value: number | undefined, threshold: Threshold): BudgetCheck['status'] {
  if (value === undefined) return 'not-measured';
  if (threshold.max !== undefined && value > threshold.max) return 'fail';
  if (threshold.warn !== undefined && value > threshold.warn) return 'warn';
  return 'pass';
}
