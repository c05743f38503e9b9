import { markdownTable } from 'markdown-table';
import type { RunMeasurement } from '../collect/RunMeasurement.js';
import type { Comparison } from '../compare/compareRuns.js';
import type { FieldMetric, FieldSnapshot } from '../field/FieldData.js';
import {
  INP_SUBPART_TITLES,
  INP_SUBPARTS,
  LCP_SUBPART_TITLES,
  LCP_SUBPARTS,
  type LcpSubpart,
  METRIC_NAMES,
  METRICS,
  type MetricName,
  rateMetric,
  TTFB_SUBPARTS,
  type TtfbSubpart,
} from '../metrics/metricDefinitions.js';
import type { GateResults, UrlResult } from '../results/GateResults.js';
import type { BudgetCheck, CheckPart, Status } from '../verdict/Verdict.js';
import { untrustedCode, untrustedText } from './escapeMarkdown.js';
import { formatThreshold, formatValue, RATING_LABEL, STATUS_LABEL, textBar } from './formatValue.js';

export const HEADLINE: Record<Status, string> = {
  pass: '✅ vitals-gate: pass',
  warn: '⚠️ vitals-gate: pass with warnings',
  fail: '❌ vitals-gate: fail',
};

export const STATUS_ICON: Record<BudgetCheck['status'], string> = {
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

export function metricCheck(result: UrlResult, metric: MetricName): BudgetCheck | undefined {
  return result.verdict.checks.find((check) => check.metric === metric && !check.subpart);
}

/** The metric's own verdict: the worse of its absolute check and its check against production p75. */
export function metricStatus(result: UrlResult, metric: MetricName): BudgetCheck['status'] | undefined {
  const checks = result.verdict.checks.filter(
    (check) => check.metric === metric && (!check.subpart || check.subpart === 'field'),
  );
  for (const status of ['fail', 'warn', 'pass', 'not-measured'] as const) {
    if (checks.some((check) => check.status === status)) return status;
  }
  return undefined;
}

export function summarySentence(results: GateResults): string {
  const failing = results.verdict.urls.filter((url) => url.status === 'fail').length;
  const warning = results.verdict.urls.filter((url) => url.status === 'warn').length;
  const total = results.verdict.urls.length;
  const pages = (n: number) => `${n} of ${total} page${total === 1 ? '' : 's'}`;
  if (failing > 0) return `**${pages(failing)} over budget.**`;
  if (warning > 0) return `**${pages(warning)} within budget but over a warning threshold.**`;
  return `**${total === 1 ? 'The page is' : `All ${total} pages are`} within budget.**`;
}

const PART_TITLES: Record<CheckPart, string> = {
  ...LCP_SUBPART_TITLES,
  ...INP_SUBPART_TITLES,
  thirdPartyScripts: 'Third-party scripts',
  field: 'vs production p75',
};

/** The run whose value is nearest the median: the one whose attribution explains the median best. */
export function representativeRun(
  runs: readonly RunMeasurement[],
  metricOf: (run: RunMeasurement) => number | undefined,
  median: number,
): RunMeasurement | undefined {
  let best: RunMeasurement | undefined;
  for (const run of runs) {
    const value = metricOf(run);
    if (value === undefined) continue;
    const bestValue = best ? (metricOf(best) as number) : Number.POSITIVE_INFINITY;
    if (Math.abs(value - median) < Math.abs(bestValue - median)) best = run;
  }
  return best;
}

/** `LCP resource load duration 2,165 ms > 1,500 ms` for a failing or warning check. */
export function describeCheck(check: BudgetCheck): string {
  const limit = check.status === 'fail' ? check.threshold.max : check.threshold.warn;
  if (check.subpart === 'field' && check.fieldP75 !== undefined && limit !== undefined) {
    const percent = Math.round((limit / check.fieldP75 - 1) * 100);
    return `${check.metric} ${formatValue(check.metric, check.value)} > production p75 ${formatValue(check.metric, check.fieldP75)} + ${percent} % (${formatValue(check.metric, limit)})`;
  }
  const name = check.subpart ? `${check.metric} ${PART_TITLES[check.subpart].toLowerCase()}` : check.metric;
  return `${name} ${formatValue(check.metric, check.value)} > ${formatValue(check.metric, limit)}`;
}

const percent = (value: number) => `${value > 0 ? '+' : ''}${Math.round(value * 100)} %`;

/** `LCP +18 % (95 % CI +12 % to +25 %)`, or the shift in the metric's unit when the baseline is 0. */
export function describeChange(comparison: Comparison): string {
  if (comparison.change !== undefined && comparison.changeCi) {
    return `${percent(comparison.change)} (95 % CI ${percent(comparison.changeCi[0])} to ${percent(comparison.changeCi[1])})`;
  }
  const metric = comparison.metric;
  const sign = comparison.shift > 0 ? '+' : '';
  return `${sign}${formatValue(metric, comparison.shift)}`;
}

function comparisonReasons(result: UrlResult): string[] {
  return (result.baseline?.comparisons ?? [])
    .filter((c) => !c.subpart && (c.state === 'regression' || c.state === 'inconclusive'))
    .map((c) =>
      c.state === 'regression'
        ? `❌ ${c.metric} ${describeChange(c)} vs baseline, p = ${c.p.toFixed(3)}`
        : `⚠️ ${c.metric} ${describeChange(c)} vs baseline: inconclusive`,
    );
}

/** Why a page did not pass: problems, then comparisons, failing checks, warnings. */
export function reasonsFor(result: UrlResult): string[] {
  return [
    ...result.verdict.problems,
    ...comparisonReasons(result),
    ...result.verdict.checks
      .filter((check) => check.status === 'fail')
      .map((check) => `❌ ${describeCheck(check)}`),
    ...result.verdict.checks
      .filter((check) => check.status === 'warn')
      .map((check) => `⚠️ ${describeCheck(check)}`),
  ];
}

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

const RATING_ICON = { good: '🟢', 'needs-improvement': '🟠', poor: '🔴' } as const;

/** `2,300 ms 🟢 (origin)` for the page's production p75 of a metric. */
export function fieldCell(result: UrlResult, metric: MetricName): string {
  if (result.field?.status !== 'found' || metric === 'TBT') return '–';
  const value = result.field.page.metrics[metric as FieldMetric];
  if (!value) return '–';
  const origin = result.field.page.scope === 'origin' ? ' (origin)' : '';
  return `${formatValue(metric, value.p75)} ${RATING_ICON[rateMetric(metric, value.p75)]}${origin}`;
}

/** `+12 %`: the lab median relative to the production p75. */
function labVersusField(result: UrlResult, metric: MetricName): string {
  const median = result.aggregate.metrics[metric]?.median;
  const p75 =
    result.field?.status === 'found' ? result.field.page.metrics[metric as FieldMetric]?.p75 : undefined;
  if (median === undefined || p75 === undefined || metric === 'TBT') return '–';
  if (p75 === 0) return median === 0 ? '±0 %' : '–';
  const change = Math.round((median / p75 - 1) * 100);
  return `${change > 0 ? '+' : change === 0 ? '±' : ''}${change} %`;
}

export function budgetCell(result: UrlResult, metric: MetricName, check: BudgetCheck | undefined): string {
  const relative = result.verdict.checks.find((c) => c.metric === metric && c.subpart === 'field');
  const budget = result.budget.metrics[metric];
  const parts = [formatThreshold(metric, check?.threshold)].filter((part) => part !== '–');
  if (relative && budget?.tolerance !== undefined) parts.push(`≤ p75 + ${budget.tolerance} %`);
  return parts.join('; ') || '–';
}

function metricsTable(result: UrlResult, withField: boolean): string {
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

function subpartRows<K extends string>(
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
function fieldSubparts(result: UrlResult, metric: 'LCP' | 'INP'): boolean {
  return metric === 'LCP' && result.field?.status === 'found' && Boolean(result.field.page.lcpSubparts);
}

function subpartTable(header: string, rows: string[][], withField = false): string {
  const columns = [header, 'Median', 'Share', '', ...(withField ? ['Field p75'] : []), 'Budget', 'Status'];
  const align = ['l', 'r', 'r', 'l', ...(withField ? ['r'] : []), 'l', 'l'] as ('l' | 'r')[];
  return markdownTable([columns, ...rows], { align });
}

const code = (text: string) => untrustedCode(text, { inTable: false });

function lcpSection(result: UrlResult): string[] {
  const lcp = result.aggregate.metrics.LCP;
  if (!lcp) return [];
  const attribution = representativeRun(result.runs, (run) => run.lcp?.value, lcp.median)?.lcp?.attribution;
  const details: string[] = [];
  if (attribution?.target) details.push(`element ${code(attribution.target)}`);
  if (attribution?.url) details.push(`resource ${code(attribution.url)}`);
  if (attribution?.resourceType) details.push(`type ${code(attribution.resourceType)}`);
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

const PARTY_LABEL = { first: 'first party', third: '🟥 third party', unknown: 'unknown' } as const;

function scriptsTable(result: UrlResult): string[] {
  const scripts = result.aggregate.scripts.slice(0, 5);
  if (scripts.length === 0) return [];
  const third = result.aggregate.thirdPartyScripts;
  const check = result.verdict.checks.find((c) => c.subpart === 'thirdPartyScripts');
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
    ? `Third-party scripts ran ${formatValue('INP', third.median)} of the interaction (median)${
        check ? `: budget ${formatThreshold('INP', check.threshold)}, ${STATUS_LABEL[check.status]}` : ''
      }.`
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

function inpSection(result: UrlResult): string[] {
  const inp = result.aggregate.metrics.INP;
  if (!inp) return [];
  const attribution = representativeRun(result.runs, (run) => run.inp?.value, inp.median)?.inp?.attribution;
  const details: string[] = [];
  if (attribution?.interactionType) details.push(`${untrustedText(attribution.interactionType)} interaction`);
  if (attribution?.interactionTarget) details.push(`on ${code(attribution.interactionTarget)}`);
  if (attribution?.loadState) details.push(`page ${untrustedText(attribution.loadState)}`);
  return [
    `**Why INP is ${formatValue('INP', inp.median)}**${details.length ? ` (${details.join(', ')})` : ''}:`,
    '',
    subpartTable('INP subpart', subpartRows(result, 'INP', INP_SUBPARTS, INP_SUBPART_TITLES, inp.median)),
    '',
    ...scriptsTable(result),
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
  const moved = (attribution?.sources ?? []).slice(0, 3).map((source) => {
    const from = source.previousRect;
    const to = source.currentRect;
    return `${code(source.selector)} moved from (${Math.round(from.x)}, ${Math.round(from.y)}) to (${Math.round(to.x)}, ${Math.round(to.y)})`;
  });
  return [
    `**Layout shift:** largest shift ${formatValue('CLS', attribution?.largestShiftValue)}${time}${target} (worst run, run ${worst.index + 1})${
      moved.length ? `: ${moved.join('; ')}` : ''
    }.`,
    '',
  ];
}

const TTFB_SUBPART_TITLES: Record<TtfbSubpart, string> = {
  waitingDuration: 'waiting',
  cacheDuration: 'cache',
  dnsDuration: 'DNS',
  connectionDuration: 'connection',
  requestDuration: 'request',
};

/** `**TTFB 128 ms** = request 120 ms + connection 5 ms + …` from the subpart medians, largest first. */
function ttfbLine(result: UrlResult): string[] {
  const ttfb = result.aggregate.metrics.TTFB;
  if (!ttfb) return [];
  const parts = TTFB_SUBPARTS.flatMap((name) => {
    const median = result.aggregate.subparts.TTFB[name]?.median;
    return median !== undefined && median >= 0.5 ? [[name, median] as const] : [];
  })
    .sort((a, b) => b[1] - a[1])
    .map(([name, median]) => `${TTFB_SUBPART_TITLES[name]} ${formatValue('TTFB', median)}`);
  return parts.length
    ? [`**TTFB ${formatValue('TTFB', ttfb.median)}** (medians): ${parts.join(' + ')}`, '']
    : [];
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

const STATE_LABEL: Record<Comparison['state'], string> = {
  regression: '❌ regression',
  improvement: '✅ improvement',
  unchanged: '✅ unchanged',
  inconclusive: '⚠️ inconclusive',
};

const RATING_WORDS = { good: 'good', 'needs-improvement': 'needs improvement', poor: 'poor' } as const;

function projectedCell(comparison: Comparison): string {
  const projected = comparison.projected;
  if (!projected) return '–';
  const from = formatValue(comparison.metric, projected.fieldP75);
  const to = formatValue(comparison.metric, projected.p75);
  const crossing =
    projected.from !== projected.to
      ? ` ⚠️ ${RATING_WORDS[projected.from]} → ${RATING_WORDS[projected.to]}`
      : '';
  return `${from} → ${to}${crossing}`;
}

/** The interleaved A/B comparison with the baseline, metric by metric; subparts in a fold. */
function baselineSection(result: UrlResult, tolerance: number): string[] {
  const baseline = result.baseline;
  if (!baseline) return [];
  const row = (c: Comparison) => [
    c.subpart ? `${c.metric} ${PART_TITLES[c.subpart].toLowerCase()}` : `**${c.metric}**`,
    formatValue(c.metric, c.baselineMedian),
    formatValue(c.metric, c.candidateMedian),
    describeChange(c),
    c.p < 0.001 ? '< 0.001' : c.p.toFixed(3),
    `${c.runs.candidate} + ${c.runs.baseline}`,
    STATE_LABEL[c.state],
    c.subpart ? '' : projectedCell(c),
  ];
  const header = [
    'Metric',
    'Baseline',
    'Candidate',
    'Change (95 % CI)',
    'p',
    'Runs',
    'Verdict',
    'Production p75 after merge',
  ];
  const align = ['l', 'r', 'r', 'l', 'r', 'r', 'l', 'l'] as ('l' | 'r')[];
  const main = baseline.comparisons.filter((c) => !c.subpart);
  const parts = baseline.comparisons.filter((c) => c.subpart);
  const crossings = main
    .filter((c) => c.projected && c.projected.from !== c.projected.to)
    .map(
      (c) =>
        `Would move production p75 ${c.metric} from ${formatValue(c.metric, c.projected?.fieldP75)} to ${formatValue(
          c.metric,
          c.projected?.p75,
        )}: ${RATING_WORDS[c.projected?.to ?? 'good']}.`,
    );
  return [
    `**Against the baseline** ${code(baseline.url)}: ${baseline.pairs} interleaved run pairs; a change fails only when it is beyond ${Math.round(
      tolerance * 100,
    )} % and significant (Mann–Whitney p < 0.05).`,
    '',
    markdownTable([header, ...main.map(row)], { align }),
    '',
    ...crossings.flatMap((line) => [line, '']),
    ...(parts.length
      ? [
          '<details><summary>Subparts against the baseline</summary>',
          '',
          markdownTable([header, ...parts.map(row)], { align }),
          '',
          '</details>',
          '',
        ]
      : []),
  ];
}

/** Links to the backend traces of each run's document request, from the `trace-url` template. */
export function traceLinks(result: UrlResult, template: string | undefined): string[] {
  if (!template) return [];
  const links = result.runs.flatMap((run) => {
    const traceId = run.traceparent?.split('-')[1];
    if (!traceId) return [];
    return [
      `[run ${run.index + 1}](${template.replaceAll('{traceId}', traceId).replace(/[()\s]/g, encodeURIComponent)})`,
    ];
  });
  return links.length ? [`**Backend traces** of the document requests (TTFB): ${links.join(' · ')}`, ''] : [];
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
    ...result.runs
      .filter((run) => run.interactionError)
      .map((run) => `- run ${run.index + 1}: ${untrustedText(run.interactionError ?? '')}`),
    ...result.runs
      .filter((run) => run.remeasured)
      .map((run) => `- run ${run.index + 1} was loaded twice: ${untrustedText(run.remeasured ?? '')}`),
  ];
  return lines.length ? ['**Problems:**', '', ...lines, ''] : [];
}

function fieldLine(result: UrlResult): string[] {
  if (!result.field) return [];
  if (result.field.status === 'missing')
    return [`No field data for this page: ${untrustedText(result.field.reason)}.`, ''];
  const scope =
    result.field.page.scope === 'origin' ? ' (the whole origin: this URL has no field data of its own)' : '';
  return [`Field data matched as ${code(result.field.key)}${scope}.`, ''];
}

/** A page's evidence below its metrics table: field match, baseline, subparts, scripts, shifts, problems. */
export function attributionSections(result: UrlResult, settings: GateResults['settings']): string[] {
  return [
    ...fieldLine(result),
    ...baselineSection(result, settings.regressionTolerance),
    ...lcpSection(result),
    ...inpSection(result),
    ...clsLine(result),
    ...ttfbLine(result),
    ...serverTimingLine(result),
    ...traceLinks(result, settings.traceUrl),
    ...lighthouseLine(result),
    ...problemLines(result),
  ];
}

function urlSection(result: UrlResult, settings: GateResults['settings'], withField: boolean): string {
  return [
    `### ${STATUS_ICON[result.verdict.status]} ${untrustedCode(pageLabel(result.url), { inTable: false })}`,
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

function describePeriod(period: FieldSnapshot['period']): string {
  if (period.from && period.to) return `${period.from} – ${period.to}`;
  if (period.window) return `last ${period.window}${period.to ? ` to ${period.to.slice(0, 10)}` : ''}`;
  return 'period not stated';
}

/** What production field data the comparison uses, or plainly why there is none. */
export function fieldSummary(results: GateResults): string[] {
  const { field } = results;
  if (field.source === 'none') return [];
  if (field.error || !field.snapshot) {
    return [
      `**Field data unavailable** (${field.source}): ${untrustedText(field.error ?? 'no data')}. The verdict uses the absolute budgets only.`,
      '',
    ];
  }
  const snapshot = field.snapshot;
  const parts = [
    untrustedText(snapshot.description),
    snapshot.formFactor ? `form factor ${snapshot.formFactor}` : undefined,
    describePeriod(snapshot.period),
    `${Object.keys(snapshot.pages).length} page(s)`,
  ].filter(Boolean);
  return [`**Field data** (production p75): ${parts.join(' · ')}.`, ''];
}

/** How the figures were made: runs, browser, device profile, budgets file. */
export function runNotes(results: GateResults): string[] {
  return [
    `Median of ${results.settings.runs} run${results.settings.runs === 1 ? '' : 's'} per page, each in a fresh browser context`,
    results.environment.browser ? `in ${results.environment.browser}` : undefined,
    results.environment.profile,
    `budgets: ${untrustedCode(results.budgetsSource, { inTable: false })}`,
  ].filter((note): note is string => Boolean(note));
}

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
    `${summarySentence(results)} ${notes.join(' · ')}.`,
    '',
    overviewTable(results),
    '',
    ...fieldSummary(results),
    ...results.urls.map((result) => urlSection(result, results.settings, Boolean(results.field.snapshot))),
    `<sub>${ratingNote}</sub>`,
    '',
  ].join('\n');
}
