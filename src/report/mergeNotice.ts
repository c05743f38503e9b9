import type { GateResults } from '../results/GateResults.js';
import { untrustedText } from './escapeMarkdown.js';

/** On merged results with a missing, failed or incomplete shard: said first, plainly, as the reason for `error`. */
export function mergeNotice(results: GateResults): string[] {
  const problems = results.merge?.problems ?? [];
  if (!problems.length) return [];
  return [
    '> [!CAUTION]',
    `> **Not every shard was measured, so the verdict is error** (${results.merge?.merged.length ?? 0} of ${results.merge?.count ?? 0} shards merged):`,
    ...problems.map((problem) => `> - ${untrustedText(problem)}`),
    '',
  ];
}
