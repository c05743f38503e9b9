import { crossHostChain } from '../collect/classifyRun.js';
import type { RunMeasurement } from '../collect/RunMeasurement.js';
import type { GateResults, UrlResult } from '../results/GateResults.js';
import { baselineSection } from './baselineSection.js';
import { clsLine } from './clsLine.js';
import { untrustedCode, untrustedText } from './escapeMarkdown.js';
import { formatValue, STATUS_LABEL } from './formatValue.js';
import { inpSection } from './inpSection.js';
import { lcpSection } from './lcpSection.js';
import { resourcesSection } from './resourcesSection.js';
import { serverTimingLine, traceLinks, ttfbLine } from './ttfbLines.js';

/** ` (budget ≥ 90, warn below 95: ❌ fail)` after the score, when the page has a score budget. */
function scoreBudget(result: UrlResult): string {
  const check = result.verdict.score;
  if (!check) return '';
  const limits = [
    ...(check.limits.min !== undefined ? [`≥ ${check.limits.min}`] : []),
    ...(check.limits.warn !== undefined ? [`warn below ${check.limits.warn}`] : []),
  ];
  return ` (budget ${limits.join(', ')}: ${STATUS_LABEL[check.status]})`;
}

function lighthouseLine(result: UrlResult): string[] {
  const lighthouse = result.lighthouse;
  if (!lighthouse) {
    return result.verdict.score
      ? [
          '**Lighthouse performance score:** not measured (the Lighthouse navigation is off: `lighthouse: false`)',
          '',
        ]
      : [];
  }
  if (lighthouse.error) return [`**Lighthouse:** failed: ${untrustedText(lighthouse.error)}`, ''];
  const parts: string[] = [];
  if (lighthouse.performanceScore !== undefined)
    parts.push(`performance score ${lighthouse.performanceScore}${scoreBudget(result)}`);
  if (lighthouse.tbt !== undefined) parts.push(`TBT ${formatValue('TBT', lighthouse.tbt)}`);
  if (lighthouse.reportFile) parts.push(`HTML report \`${lighthouse.reportFile}\` in the results folder`);
  return [
    `**Lighthouse ${lighthouse.lighthouseVersion ?? ''}** (one navigation, simulated throttling): ${parts.join(' · ')}`,
    '',
  ];
}

/** Whose failure a failed run was, what the page did to the run (dialogs, redirects through other hosts). */
function runNotes(run: RunMeasurement): string[] {
  const notes: string[] = [];
  if (run.error) {
    const whose =
      run.failure?.kind === 'cancelled'
        ? 'was cancelled'
        : run.failure?.by === 'tool'
          ? "was left out (the measurement's failure, not the page's)"
          : "failed (the page's failure)";
    notes.push(`${whose}: ${untrustedText(run.error)}`);
  }
  if (crossHostChain(run.redirects)) {
    const hops = (run.redirects ?? []).map((hop) => untrustedCode(hop, { inTable: false }));
    notes.push(`was redirected through another host: ${hops.join(' → ')}`);
  }
  if (run.dialogs?.length)
    notes.push(`opened dialogs, each dismissed: ${untrustedText(run.dialogs.join(', '))}`);
  return notes;
}

function problemLines(result: UrlResult): string[] {
  const lines = [
    ...result.verdict.problems.map((problem) => `- ${untrustedText(problem)}`),
    ...result.runs.flatMap((run) => runNotes(run).map((note) => `- run ${run.index + 1} ${note}`)),
    ...result.runs
      .filter((run) => run.interactionError)
      .map((run) => `- run ${run.index + 1}: ${untrustedText(run.interactionError ?? '')}`),
    ...result.runs
      .filter((run) => run.remeasured)
      .map((run) => `- run ${run.index + 1} was loaded twice: ${untrustedText(run.remeasured ?? '')}`),
    ...result.runs
      .filter((run) => run.lcpAnomaly)
      .map(
        (run) =>
          `- run ${run.index + 1}'s LCP is kept as reported, but may be a smaller element than users see: ${untrustedText(run.lcpAnomaly ?? '')}`,
      ),
  ];
  return lines.length ? ['**Problems:**', '', ...lines, ''] : [];
}

function fieldLine(result: UrlResult): string[] {
  if (!result.field) return [];
  if (result.field.status === 'missing')
    return [`No field data for this page: ${untrustedText(result.field.reason)}.`, ''];
  const scope =
    result.field.page.scope === 'origin' ? ' (the whole origin: this URL has no field data of its own)' : '';
  return [`Field data matched as ${untrustedCode(result.field.key, { inTable: false })}${scope}.`, ''];
}

/** A page's evidence below its metrics table: resources (bytes per type), field match, baseline, subparts, scripts, shifts, problems. */
export function attributionSections(result: UrlResult, settings: GateResults['settings']): string[] {
  return [
    ...resourcesSection(result),
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
