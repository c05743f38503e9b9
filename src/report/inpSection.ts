import { markdownTable } from 'markdown-table';
import { representativeRun } from '../aggregate/representativeRun.js';
import { runMetricValue } from '../collect/runMetricValue.js';
import { INP_SUBPART_TITLES, INP_SUBPARTS } from '../metrics/metricDefinitions.js';
import type { UrlResult } from '../results/GateResults.js';
import { untrustedCode, untrustedText } from './escapeMarkdown.js';
import { formatValue } from './formatValue.js';
import { PARTY_LABEL } from './labels.js';
import { profiledScriptsSection, thirdPartyBudgetLine } from './profiledScriptsSection.js';
import { subpartRows, subpartTable } from './subpartTable.js';

function scriptsTable(result: UrlResult): string[] {
  const scripts = result.aggregate.scripts.slice(0, 5);
  if (scripts.length === 0) return [];
  const third = result.aggregate.thirdPartyScripts;
  const rows = scripts.map((script) => [
    untrustedCode(script.source),
    script.entity
      ? `${PARTY_LABEL[script.party]} (${untrustedText(script.entity)})`
      : PARTY_LABEL[script.party],
    formatValue('INP', script.medianMs),
    INP_SUBPART_TITLES[script.mainSubpart].toLowerCase(),
    script.invokers.map((invoker) => untrustedCode(invoker)).join('<br>') || '–',
  ]);
  const thirdLine = third
    ? `Third-party scripts ran ${formatValue('INP', third.median)} of the interaction (median).`
    : '';
  return [
    '**Scripts during the interaction** (long animation frames, median time within the interaction over runs):',
    '',
    markdownTable([['Script', 'Party', 'Time', 'Mostly in', 'Invoked by'], ...rows], {
      align: ['l', 'l', 'r', 'l', 'l'],
    }),
    '',
    ...(thirdLine ? [thirdLine, ''] : []),
  ];
}

export function inpSection(result: UrlResult): string[] {
  const inp = result.aggregate.metrics.INP;
  if (!inp) return [];
  const attribution = representativeRun(result.runs, (run) => runMetricValue(run, 'INP'), inp.median)?.inp
    ?.attribution;
  const details: string[] = [];
  if (attribution?.interactionType) details.push(`${untrustedText(attribution.interactionType)} interaction`);
  if (attribution?.interactionTarget) {
    const fallback =
      attribution.interactionTargetSource === 'invoker'
        ? ' (fallback: the browser gave no target; this is the listener that ran)'
        : '';
    details.push(`on ${untrustedCode(attribution.interactionTarget, { inTable: false })}${fallback}`);
  }
  if (attribution?.loadState) details.push(`page ${untrustedText(attribution.loadState)}`);
  return [
    `**Why INP is ${formatValue('INP', inp.median)}**${details.length ? ` (${details.join(', ')})` : ''}:`,
    '',
    subpartTable('INP subpart', subpartRows(result, 'INP', INP_SUBPARTS, INP_SUBPART_TITLES, inp.median)),
    '',
    ...scriptsTable(result),
    ...profiledScriptsSection(result),
    ...thirdPartyBudgetLine(result),
  ];
}
