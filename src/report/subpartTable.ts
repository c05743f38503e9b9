import { markdownTable } from 'markdown-table';
import type { LcpSubpart } from '../metrics/metricDefinitions.js';
import type { UrlResult } from '../results/GateResults.js';
import { formatThreshold, formatValue, STATUS_LABEL, textBar } from './formatValue.js';

export function subpartRows<K extends string>(
  result: UrlResult,
  metric: 'LCP' | 'INP',
  names: readonly K[],
  titles: Record<K, string>,
  total: number,
): string[][] {
  const summaries = result.aggregate.subparts[metric] as Partial<Record<K, { median: number }>>;
  return names.map((subpart) => {
    const summary = summaries[subpart];
    const check = result.verdict.checks.find((c) => c.metric === metric && c.subpart === subpart);
    const share = summary && total > 0 ? summary.median / total : 0;
    const fieldP75 =
      metric === 'LCP' && result.field?.status === 'found'
        ? result.field.page.lcpSubparts?.[subpart as LcpSubpart]
        : undefined;
    return [
      titles[subpart],
      formatValue(metric, summary?.median),
      summary ? `${Math.round(share * 100)} %` : '–',
      summary ? `\`${textBar(share)}\`` : '',
      ...(fieldSubparts(result, metric) ? [formatValue(metric, fieldP75)] : []),
      formatThreshold(metric, check?.threshold),
      check ? STATUS_LABEL[check.status] : '',
    ];
  });
}

/** Whether the page's field data has LCP subpart p75s (CrUX, beacons with attribution). */
export function fieldSubparts(result: UrlResult, metric: 'LCP' | 'INP'): boolean {
  return metric === 'LCP' && result.field?.status === 'found' && Boolean(result.field.page.lcpSubparts);
}

export function subpartTable(header: string, rows: string[][], withField = false): string {
  const columns = [header, 'Median', 'Share', '', ...(withField ? ['Field p75'] : []), 'Budget', 'Status'];
  const align = ['l', 'r', 'r', 'l', ...(withField ? ['r'] : []), 'l', 'l'] as ('l' | 'r')[];
  return markdownTable([columns, ...rows], { align });
}
