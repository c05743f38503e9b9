import { markdownTable } from 'markdown-table';
import type { Comparison } from '../compare/compareRuns.js';
import { METRIC_NAMES, type MetricName } from '../metrics/metricDefinitions.js';
import type { GateResults, UrlResult } from '../results/GateResults.js';
import { attributionSections } from './attributionSections.js';
import { describeChange } from './describeCheck.js';
import { untrustedCode } from './escapeMarkdown.js';
import { fieldSummary } from './fieldSummary.js';
import { formatValue, STATUS_LABEL } from './formatValue.js';
import { HEADLINE, pageLabel, STATUS_ICON } from './labels.js';
import { mergeNotice } from './mergeNotice.js';
import { budgetCell, fieldCell } from './metricCells.js';
import { metricCheck, metricStatus } from './metricStatus.js';
import { overviewTable } from './overviewTable.js';
import { planSection } from './planSection.js';
import { reasonsFor } from './reasonsFor.js';
import { runNotes, summarySentence } from './summarySentence.js';

/** GitHub refuses comment bodies longer than this many characters. */
export const COMMENT_LIMIT = 65_536;

/** Where the reader goes for more than the comment shows. */
export interface CommentLinks {
  /** The workflow run (its job summary has the full report). */
  runUrl?: string;
  /** The uploaded artifact: results.json, report.md, Lighthouse HTML reports. */
  artifactUrl?: string;
  /** The check run, when one was created. */
  checkUrl?: string;
}

export interface CommentOptions {
  /** The gate's name; the key of the hidden marker, so two gates on one PR keep two comments. */
  name: string;
  links: CommentLinks;
  /** The commit measured, shown as its short SHA. */
  sha?: string;
  /** Defaults to GitHub's limit; tests make it small. */
  maxLength?: number;
}

/** The hidden marker the gate finds its own comment by: `<!-- vitals-gate:NAME -->`. */
export function commentMarker(name: string): string {
  return `<!-- vitals-gate:${name.replace(/[^A-Za-z0-9 ._-]/g, '-').replace(/-{2,}/g, '-')} -->`;
}

const STATE_CELL: Record<Comparison['state'], string> = {
  regression: '❌',
  improvement: '✅',
  unchanged: '',
  inconclusive: '⚠️ inconclusive',
};

function changeCell(result: UrlResult, metric: MetricName): string {
  const comparison = result.baseline?.comparisons.find((c) => c.metric === metric && !c.subpart);
  if (!comparison) return '–';
  const mark = STATE_CELL[comparison.state];
  return `${describeChange(comparison)}${mark ? ` ${mark}` : ''}`;
}

/** metric | lab median (spread) | budget | production p75 | change vs baseline | status, for one page. */
function pageTable(result: UrlResult, withField: boolean, withBaseline: boolean): string {
  const rows = METRIC_NAMES.flatMap((metric) => {
    const summary = result.aggregate.metrics[metric];
    const check = metricCheck(result, metric);
    const status = metricStatus(result, metric);
    if (!summary && !check) return [];
    const spread = summary && summary.n > 1 ? ` (IQR ${formatValue(metric, summary.iqr)})` : '';
    return [
      [
        `**${metric}**`,
        summary ? `${formatValue(metric, summary.median)}${spread}` : '–',
        budgetCell(result, metric, check),
        ...(withField ? [fieldCell(result, metric)] : []),
        ...(withBaseline ? [changeCell(result, metric)] : []),
        status ? STATUS_LABEL[status] : 'no budget',
      ],
    ];
  });
  const header = [
    'Metric',
    'Lab median (spread)',
    'Budget',
    ...(withField ? ['Production p75'] : []),
    ...(withBaseline ? ['Change vs baseline'] : []),
    'Status',
  ];
  const align = ['l', 'r', 'l', ...(withField ? ['r'] : []), ...(withBaseline ? ['l'] : []), 'l'] as (
    | 'l'
    | 'r'
  )[];
  return markdownTable([header, ...rows], { align });
}

function pageSection(results: GateResults, result: UrlResult, withDetails: boolean): string[] {
  const withField = Boolean(results.field.snapshot);
  const withBaseline = results.urls.some((url) => url.baseline);
  const reasons = reasonsFor(result);
  const details = withDetails ? attributionSections(result, results.settings) : [];
  return [
    `### ${STATUS_ICON[result.verdict.status]} ${untrustedCode(pageLabel(result.url), { inTable: false })}${result.device ? ` (${result.device})` : ''}`,
    '',
    pageTable(result, withField, withBaseline),
    '',
    ...(reasons.length ? [...reasons.map((reason) => `- ${reason}`), ''] : []),
    ...(details.length
      ? [
          '<details><summary>Why: subparts, scripts, layout shifts, server timing</summary>',
          '',
          ...details,
          '</details>',
          '',
        ]
      : []),
  ];
}

function footer(results: GateResults, options: CommentOptions): string[] {
  const links = [
    options.links.runUrl ? `[workflow run and full report](${options.links.runUrl})` : undefined,
    options.links.artifactUrl
      ? `[results and Lighthouse reports (artifact)](${options.links.artifactUrl})`
      : undefined,
    options.links.checkUrl ? `[check run](${options.links.checkUrl})` : undefined,
  ].filter(Boolean);
  const measured = options.sha ? `Measured at ${options.sha.slice(0, 7)} · ` : '';
  return [
    `<sub>${measured}${runNotes(results).join(' · ')} · vitals-gate ${results.tool.version}${
      links.length ? `<br>${links.join(' · ')}` : ''
    }</sub>`,
    '',
  ];
}

const FOLDED =
  "Some detail is left out to keep this comment under GitHub's 65,536-character limit: the job summary and the artifact have all of it.";

/**
 * The sticky PR comment: the hidden marker, a one-second headline, then per page its metrics table (lab
 * median and spread, budget, production p75, change vs baseline, status), the reasons, and the attribution
 * folded in `<details>`; links to the run and the artifact. When the body would pass the limit, detail is
 * dropped whole — first the folds, then the per-page tables for one overview table, then that — never cut
 * mid-table. Pure.
 */
export function renderComment(results: GateResults, options: CommentOptions): string {
  const maxLength = options.maxLength ?? COMMENT_LIMIT;
  const head = [
    commentMarker(options.name),
    `## ${HEADLINE[results.verdict.status]}`,
    '',
    ...mergeNotice(results),
    summarySentence(results),
    '',
  ];
  const plan = results.plan ? planSection(results.plan, { folded: true }) : [];
  const levels: string[][] = [
    [
      ...fieldSummary(results),
      ...plan,
      ...results.urls.flatMap((result) => pageSection(results, result, true)),
    ],
    [
      ...fieldSummary(results),
      ...results.urls.flatMap((result) => pageSection(results, result, false)),
      `_${FOLDED}_`,
      '',
    ],
    [overviewTable(results), '', `_${FOLDED}_`, ''],
    [`_${FOLDED}_`, ''],
  ];
  const tail = footer(results, options);
  for (const body of levels) {
    const text = [...head, ...body, ...tail].join('\n');
    if (text.length <= maxLength) return text;
  }
  return [...head, ...(levels.at(-1) ?? [])].join('\n').slice(0, maxLength);
}
