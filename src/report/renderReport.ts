import { METRICS } from '../metrics/metricDefinitions.js';
import type { GateResults } from '../results/GateResults.js';
import { fieldSummary } from './fieldSummary.js';
import { HEADLINE } from './labels.js';
import { mergeNotice } from './mergeNotice.js';
import { overviewTable } from './overviewTable.js';
import { planSection } from './planSection.js';
import { runNotes, summarySentence } from './summarySentence.js';
import { urlSection } from './urlSection.js';

/**
 * The markdown report: a headline verdict, one overview row per page, then per page the metrics with
 * median, spread, budget, rating and status, and the attribution (LCP subparts, CLS culprit, Server-Timing).
 * Pure: the same results give the same text.
 */
export function renderReport(results: GateResults): string {
  const notes = runNotes(results);
  const ratingNote = `Ratings use the web-vitals thresholds (TBT: Lighthouse's). INP is measured over the interactions of the budgets file and is "not measured" without them. ${METRICS.CLS.name} is unitless.`;
  return [
    `## ${HEADLINE[results.verdict.status]}`,
    '',
    ...mergeNotice(results),
    `${summarySentence(results)} ${notes.join(' · ')}.`,
    '',
    overviewTable(results),
    '',
    ...fieldSummary(results),
    ...(results.plan ? planSection(results.plan) : []),
    ...results.urls.map((result) => urlSection(result, results.settings, Boolean(results.field.snapshot))),
    `<sub>${ratingNote}</sub>`,
    '',
  ].join('\n');
}
