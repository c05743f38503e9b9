import { markdownTable } from 'markdown-table';
import { METRIC_NAMES } from '../metrics/metricDefinitions.js';
import type { GateResults, UrlResult } from '../results/GateResults.js';
import { untrustedCode } from './escapeMarkdown.js';
import { formatValue, STATUS_LABEL } from './formatValue.js';
import { pageLabel, STATUS_ICON } from './labels.js';
import { metricStatus } from './metricStatus.js';
import { reasonsFor } from './reasonsFor.js';

function whyCell(result: UrlResult): string {
  const reasons = reasonsFor(result);
  return reasons.length ? reasons.join('<br>') : '–';
}

export function overviewTable(results: GateResults): string {
  const rows = results.urls.map((result) => [
    untrustedCode(pageLabel(result.url)),
    STATUS_LABEL[result.verdict.status],
    whyCell(result),
    ...METRIC_NAMES.map((metric) => {
      const median = result.aggregate.metrics[metric]?.median;
      const status = metricStatus(result, metric);
      const icon = status && status !== 'not-measured' ? `${STATUS_ICON[status]} ` : '';
      return median === undefined ? '–' : `${icon}${formatValue(metric, median)}`;
    }),
  ]);
  return markdownTable([['Page', 'Status', 'Why', ...METRIC_NAMES], ...rows], {
    align: ['l', 'l', 'l', ...METRIC_NAMES.map(() => 'r' as const)],
  });
}
