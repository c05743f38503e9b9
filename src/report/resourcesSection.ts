import { markdownTable } from 'markdown-table';
import type { ResourceFigures } from '../aggregate/summarizeResources.js';
import { RESOURCE_CATEGORIES, type ResourceCategory } from '../budgets/Budgets.js';
import { compareResources, type ResourceChange } from '../compare/compareResources.js';
import type { UrlResult } from '../results/GateResults.js';
import type { ResourceCheck } from '../verdict/Verdict.js';
import { untrustedCode } from './escapeMarkdown.js';
import { formatKiB, formatKiBChange } from './formatBytes.js';
import { STATUS_LABEL } from './formatValue.js';

const LARGEST_FILES = 5;

/** `≤ 300 KiB (warn > 250 KiB)`, `≤ 10 requests`: the budget of one measure, or nothing. */
function limitText(check: ResourceCheck | undefined): string[] {
  if (!check) return [];
  const format = (value: number) =>
    check.measure === 'bytes' ? formatKiB(value) : `${value} request${value === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (check.threshold.max !== undefined) parts.push(`≤ ${format(check.threshold.max)}`);
  if (check.threshold.warn !== undefined) parts.push(`warn > ${format(check.threshold.warn)}`);
  return [parts.join(', ')];
}

const percent = (value: number) => `${value > 0 ? '+' : ''}${Math.round(value * 100)} %`;

/** `script +48 KiB (+30 %), from `/assets/vendor.a1b2c3d4.js` +48 KiB` (the file escaped). */
export function describeResourceChange(change: ResourceChange, { inTable = false } = {}): string {
  const relative = change.relative !== undefined ? ` (${percent(change.relative)})` : '';
  const file = change.largestFile
    ? `, from ${untrustedCode(change.largestFile.url, { inTable })} ${formatKiBChange(change.largestFile.deltaBytes)}`
    : '';
  return `${change.category} ${formatKiBChange(change.deltaBytes)}${relative}${file}`;
}

function statusOf(checks: ResourceCheck[]): string {
  if (checks.length === 0) return '';
  const order = ['fail', 'warn', 'pass', 'not-measured'] as const;
  const worst = order.find((status) => checks.some((check) => check.status === status)) ?? 'pass';
  return STATUS_LABEL[worst];
}

/**
 * The page's resources: per category the median KiB on the wire and requests over the runs, its budget and
 * status, and against a baseline the change; then the largest files. Nothing without a network log.
 */
export function resourcesSection(result: UrlResult): string[] {
  const resources = result.aggregate.resources;
  if (!resources) return [];
  const checks = result.verdict.resources ?? [];
  const baseline = result.baseline?.aggregate.resources;
  const changes = baseline ? compareResources(resources, baseline) : [];
  const changeOf = (category: ResourceCategory) => changes.find((change) => change.category === category);
  const shown = RESOURCE_CATEGORIES.filter(
    (category) =>
      category === 'total' ||
      category === 'third-party' ||
      resources.categories[category].requests > 0 ||
      checks.some((check) => check.category === category) ||
      changeOf(category) !== undefined,
  );
  const rows = shown.map((category) => {
    const figures: ResourceFigures = resources.categories[category];
    const own = checks.filter((check) => check.category === category);
    const budget = [
      ...limitText(own.find((check) => check.measure === 'bytes')),
      ...limitText(own.find((check) => check.measure === 'requests')),
    ].join('; ');
    const change = changeOf(category);
    return [
      category === 'total' ? '**total**' : category,
      formatKiB(figures.transferBytes),
      formatKiB(figures.resourceBytes),
      String(figures.requests),
      ...(baseline
        ? [
            change
              ? `${formatKiBChange(change.deltaBytes)}${change.relative !== undefined ? ` (${percent(change.relative)})` : ''}`
              : `${formatKiBChange(0)}`,
          ]
        : []),
      budget || '–',
      statusOf(own) || (budget ? '' : 'no budget'),
    ];
  });
  const header = [
    'Resources',
    'Transfer (KiB)',
    'Decoded (KiB)',
    'Requests',
    ...(baseline ? ['vs baseline (KiB)'] : []),
    'Budget',
    'Status',
  ];
  const align = ['l', 'r', 'r', 'r', ...(baseline ? ['r'] : []), 'l', 'l'] as ('l' | 'r')[];
  const largest = resources.files
    .slice(0, LARGEST_FILES)
    .map((file) => `${untrustedCode(file.url, { inTable: false })} ${formatKiB(file.transferBytes)}`);
  const named = changes.filter((change) => change.largestFile && change.category !== 'total');
  return [
    `**Resources** (median of ${resources.runs} run${resources.runs === 1 ? '' : 's'}; KiB on the wire, 1 KiB = 1024 bytes, headers included):`,
    '',
    markdownTable([header, ...rows], { align }),
    '',
    ...(named.length
      ? [`**Bytes vs baseline:** ${named.map((change) => describeResourceChange(change)).join(' · ')}`, '']
      : []),
    ...(largest.length ? [`**Largest files:** ${largest.join(' · ')}`, ''] : []),
  ];
}
