import type { FieldSnapshot } from '../field/FieldData.js';
import type { GateResults } from '../results/GateResults.js';
import { untrustedText } from './escapeMarkdown.js';

function describePeriod(period: FieldSnapshot['period']): string {
  if (period.from && period.to) return `${period.from} – ${period.to}`;
  if (period.window) return `last ${period.window}${period.to ? ` to ${period.to.slice(0, 10)}` : ''}`;
  return 'period not stated';
}

/** What production field data the comparison uses, or plainly why there is none. */
export function fieldSummary(results: GateResults): string[] {
  const { field } = results;
  if (field.source === 'none') return [];
  if (field.error || !field.snapshot) {
    return [
      `**Field data unavailable** (${field.source}): ${untrustedText(field.error ?? 'no data')}. The verdict uses the absolute budgets only.`,
      '',
    ];
  }
  const snapshot = field.snapshot;
  const parts = [
    untrustedText(snapshot.description),
    snapshot.formFactor ? `form factor ${snapshot.formFactor}` : undefined,
    describePeriod(snapshot.period),
    `${Object.keys(snapshot.pages).length} page(s)`,
  ].filter(Boolean);
  return [`**Field data** (production p75): ${parts.join(' · ')}.`, ''];
}
