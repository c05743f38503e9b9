import type { UrlResult } from '../results/GateResults.js';
import { untrustedCode } from './escapeMarkdown.js';
import { formatValue } from './formatValue.js';

export function clsLine(result: UrlResult): string[] {
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
    return `${untrustedCode(source.selector, { inTable: false })} moved from (${Math.round(from.x)}, ${Math.round(from.y)}) to (${Math.round(to.x)}, ${Math.round(to.y)})`;
  });
  return [
    `**Layout shift:** largest shift ${formatValue('CLS', attribution?.largestShiftValue)}${time}${target} (worst run, run ${worst.index + 1})${
      moved.length ? `: ${moved.join('; ')}` : ''
    }.`,
    '',
  ];
}
