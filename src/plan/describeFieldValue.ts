import type { FieldMetric } from '../field/FieldData.js';

/** A p75 for a sentence: `3.1 s` from 1 s up, `850 ms` below, CLS with two decimals. */
export function describeFieldValue(metric: FieldMetric, value: number): string {
  if (metric === 'CLS') return value.toFixed(2);
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}
