import { markdownTable } from 'markdown-table';
import type { GateResults, UrlResult } from '../gate/GateResults.js';
import {
  LCP_SUBPART_TITLES,
  LCP_SUBPARTS,
  METRIC_NAMES,
  METRICS,
  type MetricName,
  rateMetric,
} from '../metrics/metricDefinitions.js';
import type { BudgetCheck, Status } from '../verdict/Verdict.js';
import { untrustedCode, untrustedText } from './escapeMarkdown.js';
import { formatThreshold, formatValue, RATING_LABEL, STATUS_LABEL, textBar } from './formatValue.js';

const HEADLINE: Record<Status, string> = {
  pass: '✅ vitals-gate: pass',
  warn: '⚠️ vitals-gate: pass with warnings',
  fail: '❌ vitals-gate: fail',
};

const STATUS_ICON: Record<BudgetCheck['status'], string> = {
  pass: '✅',
  warn: '⚠️',
  fail: '❌',
  'not-measured': '➖',
};

/** The page's path and query, as a short label. */
export function pageLabel(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

function metricCheck(result: UrlResult, metric: MetricName): BudgetCheck | undefined {
  return result.verdict.checks.find((check) => check.metric === metric && !check.subpart);
}

function summarySentence(results: GateResults): string {
  const failing = results.verdict.urls.filter((url) => url.status === 'fail').length;
  const warning = results.verdict.urls.filter((url) => url.status === 'warn').length;
  const total = results.verdict.urls.length;
  const pages = (n: number) => `${n} of ${total} page${total === 1 ? '' : 's'}`;
  if (failing > 0) return `**${pages(failing)} over budget.**`;
  if (warning > 0) return `**${pages(warning)} within budget but over a warning threshold.**`;
  return `**${total === 1 ? 'The page is' : `All ${total} pages are`} within budget.**`;
}

/** `LCP resource load duration 2,165 ms > 1,500 ms` for a failing or warning check. */
export function describeCheck(check: BudgetCheck): string {
  const name = check.subpart
    ? `${check.metric} ${LCP_SUBPART_TITLES[check.subpart].toLowerCase()}`
    : check.metric;
  const limit = check.status === 'fail' ? check.threshold.max : check.threshold.warn;
  return `${name} ${formatValue(check.metric, check.value)} > ${formatValue(check.metric, limit)}`;
}

/** Why a page did not pass: failing checks first, then warnings, then problems. */
function whyCell(result: UrlResult): string {
  const reasons = [
    ...result.verdict.problems,
    ...result.verdict.checks
      .filter((check) => check.status === 'fail')
      .map((check) => `❌ ${describeCheck(check)}`),
    ...result.verdict.checks
      .filter((check) => check.status === 'warn')
      .map((check) => `⚠️ ${describeCheck(check)}`),
  ];
  return reasons.length ? reasons.join('<br>') : '–';
}

function overviewTable(results: GateResults): string {
  const rows = results.urls.map((result) => [
    untrustedCode(pageLabel(result.url)),
    STATUS_LABEL[result.verdict.status],
    whyCell(result),
    ...METRIC_NAMES.map((metric) => {
      const median = result.aggregate.metrics[metric]?.median;
      const check = metricCheck(result, metric);
      const icon = check && check.status !== 'not-measured' ? `${STATUS_ICON[check.status]} ` : '';
      return median === undefined ? '–' : `${icon}${formatValue(metric, median)}`;
    }),
  ]);
  return markdownTable([['Page', 'Status', 'Why', ...METRIC_NAMES], ...rows], {
    align: ['l', 'l', 'l', ...METRIC_NAMES.map(() => 'r' as const)],
  });
}

function metricsTable(result: UrlResult): string {
  const rows = METRIC_NAMES.map((metric) => {
    const summary = result.aggregate.metrics[metric];
    const check = metricCheck(result, metric);
    return [
      `**${metric}**`,
      formatValue(metric, summary?.median),
      summary && summary.n > 1 ? formatValue(metric, summary.iqr) : '–',
      summary ? String(summary.n) : '0',
      formatThreshold(metric, check?.threshold),
      summary ? RATING_LABEL[rateMetric(metric, summary.median)] : '–',
      check ? STATUS_LABEL[check.status] : summary ? 'no budget' : STATUS_LABEL['not-measured'],
    ];
  });
  return markdownTable(
    [['Metric', 'Median', 'Spread (IQR)', 'Runs', 'Budget', 'Rating', 'Status'], ...rows],
    { align: ['l', 'r', 'r', 'r', 'l', 'l', 'l'] },
  );
}

function lcpSection(result: UrlResult): string[] {
  const lcp = result.aggregate.metrics.LCP;
  if (!lcp) return [];
  const lastRun = [...result.runs].reverse().find((run) => run.lcp);
  const attribution = lastRun?.lcp?.attribution;
  const details: string[] = [];
  if (attribution?.target) details.push(`element ${untrustedCode(attribution.target, { inTable: false })}`);
  if (attribution?.url) details.push(`resource ${untrustedCode(attribution.url, { inTable: false })}`);
  if (attribution?.resourceType)
    details.push(`type ${untrustedCode(attribution.resourceType, { inTable: false })}`);
  const rows = LCP_SUBPARTS.map((subpart) => {
    const summary = result.aggregate.lcpSubparts[subpart];
    const check = result.verdict.checks.find((c) => c.metric === 'LCP' && c.subpart === subpart);
    const share = summary && lcp.median > 0 ? summary.median / lcp.median : 0;
    return [
      LCP_SUBPART_TITLES[subpart],
      formatValue('LCP', summary?.median),
      summary ? `${Math.round(share * 100)} %` : '–',
      summary ? `\`${textBar(share)}\`` : '',
      formatThreshold('LCP', check?.threshold),
      check ? STATUS_LABEL[check.status] : '',
    ];
  });
  return [
    `**Why LCP is ${formatValue('LCP', lcp.median)}**${details.length ? ` (${details.join(', ')})` : ''}:`,
    '',
    markdownTable([['LCP subpart', 'Median', 'Share', '', 'Budget', 'Status'], ...rows], {
      align: ['l', 'r', 'r', 'l', 'l', 'l'],
    }),
    '',
  ];
}

function clsLine(result: UrlResult): string[] {
  const runs = result.runs.filter((run) => run.cls?.attribution.largestShiftValue);
  if (runs.length === 0) return [];
  const worst = runs.reduce((a, b) => ((a.cls?.value ?? 0) >= (b.cls?.value ?? 0) ? a : b));
  const attribution = worst.cls?.attribution;
  const target = attribution?.largestShiftTarget
    ? ` on ${untrustedCode(attribution.largestShiftTarget, { inTable: false })}`
    : '';
  const time =
    attribution?.largestShiftTime !== undefined
      ? ` at ${formatValue('LCP', attribution.largestShiftTime)}`
      : '';
  return [
    `**Layout shift:** largest shift ${formatValue('CLS', attribution?.largestShiftValue)}${time}${target} (worst run, run ${worst.index + 1}).`,
    '',
  ];
}

function serverTimingLine(result: UrlResult): string[] {
  const lastRun = [...result.runs].reverse().find((run) => run.ttfb);
  const entries = lastRun?.ttfb?.attribution.serverTiming ?? [];
  if (entries.length === 0) return [];
  const items = entries.slice(0, 10).map((entry) => {
    const description = entry.description ? ` ${untrustedText(entry.description)}` : '';
    return `${untrustedCode(entry.name, { inTable: false })} ${formatValue('TTFB', entry.duration)}${description}`;
  });
  return [`**Server-Timing** (run ${(lastRun?.index ?? 0) + 1}): ${items.join(' · ')}`, ''];
}

function lighthouseLine(result: UrlResult): string[] {
  const lighthouse = result.lighthouse;
  if (!lighthouse) return [];
  if (lighthouse.error) return [`**Lighthouse:** failed: ${untrustedText(lighthouse.error)}`, ''];
  const parts: string[] = [];
  if (lighthouse.performanceScore !== undefined)
    parts.push(`performance score ${lighthouse.performanceScore}`);
  if (lighthouse.tbt !== undefined) parts.push(`TBT ${formatValue('TBT', lighthouse.tbt)}`);
  if (lighthouse.reportFile) parts.push(`HTML report \`${lighthouse.reportFile}\` in the results folder`);
  return [
    `**Lighthouse ${lighthouse.lighthouseVersion ?? ''}** (one navigation, simulated throttling): ${parts.join(' · ')}`,
    '',
  ];
}

function problemLines(result: UrlResult): string[] {
  const failedRuns = result.runs.filter((run) => run.error);
  const lines = [
    ...result.verdict.problems.map((problem) => `- ${untrustedText(problem)}`),
    ...failedRuns.map((run) => `- run ${run.index + 1} failed: ${untrustedText(run.error ?? '')}`),
  ];
  return lines.length ? ['**Problems:**', '', ...lines, ''] : [];
}

function urlSection(result: UrlResult): string {
  return [
    `### ${STATUS_ICON[result.verdict.status]} ${untrustedCode(pageLabel(result.url), { inTable: false })}`,
    '',
    `${untrustedCode(result.url, { inTable: false })} · ${result.aggregate.successfulRuns} of ${result.runs.length} runs succeeded · budgets matched: ${
      result.budget.matched.length
        ? result.budget.matched.map((p) => untrustedCode(p, { inTable: false })).join(', ')
        : 'none'
    }`,
    '',
    metricsTable(result),
    '',
    ...lcpSection(result),
    ...clsLine(result),
    ...serverTimingLine(result),
    ...lighthouseLine(result),
    ...problemLines(result),
  ].join('\n');
}

/**
 * The markdown report: a headline verdict, one overview row per page, then per page the metrics with
 * median, spread, budget, rating and status, and the attribution (LCP subparts, CLS culprit, Server-Timing).
 * Pure: the same results give the same text.
 */
export function renderReport(results: GateResults): string {
  const notes = [
    `Median of ${results.settings.runs} run${results.settings.runs === 1 ? '' : 's'} per page, each in a fresh browser context`,
    results.environment.browser ? `in ${results.environment.browser}` : undefined,
    results.environment.profile,
    `budgets: ${untrustedCode(results.budgetsSource, { inTable: false })}`,
  ].filter(Boolean);
  const ratingNote = `Ratings use the web-vitals thresholds (TBT: Lighthouse's); INP needs interactions and is not measured on plain page loads. ${METRICS.CLS.name} is unitless.`;
  return [
    `## ${HEADLINE[results.verdict.status]}`,
    '',
    `${summarySentence(results)} ${notes.join(' · ')}.`,
    '',
    overviewTable(results),
    '',
    ...results.urls.map(urlSection),
    `<sub>${ratingNote}</sub>`,
    '',
  ].join('\n');
}
