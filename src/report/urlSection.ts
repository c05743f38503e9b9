import type { GateResults, UrlResult } from '../results/GateResults.js';
import { attributionSections } from './attributionSections.js';
import { untrustedCode } from './escapeMarkdown.js';
import { pageLabel, STATUS_ICON } from './labels.js';
import { metricsTable } from './metricsTable.js';

export function urlSection(result: UrlResult, settings: GateResults['settings'], withField: boolean): string {
  return [
    `### ${STATUS_ICON[result.verdict.status]} ${untrustedCode(pageLabel(result.url), { inTable: false })}${result.device ? ` (${result.device})` : ''}`,
    '',
    `${untrustedCode(result.url, { inTable: false })} · ${result.aggregate.successfulRuns} of ${result.runs.length} runs succeeded · budgets matched: ${
      result.budget.matched.length
        ? result.budget.matched.map((p) => untrustedCode(p, { inTable: false })).join(', ')
        : 'none'
    }`,
    '',
    metricsTable(result, withField),
    '',
    ...attributionSections(result, settings),
  ].join('\n');
}
