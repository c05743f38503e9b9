import { markdownTable } from 'markdown-table';
import { METRIC_NAMES, rateMetric } from '../metrics/metricDefinitions.js';
import type { UrlResult } from '../results/GateResults.js';
import { formatValue, RATING_LABEL, STATUS_LABEL } from './formatValue.js';
import { budgetCell, fieldCell, labVersusField } from './metricCells.js';
import { metricCheck, metricStatus } from './metricStatus.js';

export function metricsTable(result: UrlResult, withField: boolean): string {
  const rows = METRIC_NAMES.map((metric) => {
    const summary = result.aggregate.metrics[metric];
    const check = metricCheck(result, metric);
    const status = metricStatus(result, metric);
    return [
      `**${metric}**`,
      formatValue(metric, summary?.median),
      summary && summary.n > 1 ? formatValue(metric, summary.iqr) : '–',
      summary ? String(summary.n) : '0',
      ...(withField ? [fieldCell(result, metric), labVersusField(result, metric)] : []),
      budgetCell(result, metric, check),
      summary ? RATING_LABEL[rateMetric(metric, summary.median)] : '–',
      status ? STATUS_LABEL[status] : summary ? 'no budget' : STATUS_LABEL['not-measured'],
    ];
  });
  const header = [
    'Metric',
    'Median',
    'Spread (IQR)',
    'Runs',
    ...(withField ? ['Field p75', 'Lab vs field'] : []),
    'Budget',
    'Rating',
    'Status',
  ];
  const align = ['l', 'r', 'r', 'r', ...(withField ? ['r', 'r'] : []), 'l', 'l', 'l'] as ('l' | 'r')[];
  return markdownTable([header, ...rows], { align });
}
