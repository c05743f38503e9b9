import { representativeRun } from '../aggregate/representativeRun.js';
import { runMetricValue } from '../collect/runMetricValue.js';
import { LCP_SUBPART_TITLES, LCP_SUBPARTS } from '../metrics/metricDefinitions.js';
import type { UrlResult } from '../results/GateResults.js';
import { untrustedCode } from './escapeMarkdown.js';
import { formatValue } from './formatValue.js';
import { fieldSubparts, subpartRows, subpartTable } from './subpartTable.js';

export function lcpSection(result: UrlResult): string[] {
  const lcp = result.aggregate.metrics.LCP;
  if (!lcp) return [];
  const attribution = representativeRun(result.runs, (run) => runMetricValue(run, 'LCP'), lcp.median)?.lcp
    ?.attribution;
  const details: string[] = [];
  if (attribution?.target) details.push(`element ${untrustedCode(attribution.target, { inTable: false })}`);
  if (attribution?.url) details.push(`resource ${untrustedCode(attribution.url, { inTable: false })}`);
  if (attribution?.resourceType)
    details.push(`type ${untrustedCode(attribution.resourceType, { inTable: false })}`);
  return [
    `**Why LCP is ${formatValue('LCP', lcp.median)}**${details.length ? ` (${details.join(', ')})` : ''}:`,
    '',
    subpartTable(
      'LCP subpart',
      subpartRows(result, 'LCP', LCP_SUBPARTS, LCP_SUBPART_TITLES, lcp.median),
      fieldSubparts(result, 'LCP'),
    ),
    '',
  ];
}
