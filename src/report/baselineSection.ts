import { markdownTable } from 'markdown-table';
import type { Comparison } from '../compare/compareRuns.js';
import type { UrlResult } from '../results/GateResults.js';
import { describeChange } from './describeCheck.js';
import { untrustedCode } from './escapeMarkdown.js';
import { formatValue } from './formatValue.js';
import { PART_TITLES } from './labels.js';

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
export function baselineSection(result: UrlResult, tolerance: number): string[] {
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
    `**Against the baseline** ${untrustedCode(baseline.url, { inTable: false })}: ${baseline.pairs} interleaved run pairs; a change fails only when it is beyond ${Math.round(
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
