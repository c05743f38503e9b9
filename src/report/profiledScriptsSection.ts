import { markdownTable } from 'markdown-table';
import type { UrlResult } from '../results/GateResults.js';
import { untrustedCode, untrustedText } from './escapeMarkdown.js';
import { formatThreshold, formatValue, STATUS_LABEL } from './formatValue.js';
import { PARTY_LABEL } from './labels.js';

/** `(CPU profile, 297 ms, the larger of the two attributions)`: which value the third-party budget checked. */
export function thirdPartyBudgetLine(result: UrlResult): string[] {
  const check = result.verdict.checks.find((c) => c.subpart === 'thirdPartyScripts');
  if (!check) return [];
  const basis =
    check.basis === 'cpu-profile'
      ? "the CPU profile's slowest interaction"
      : check.basis === 'long-animation-frames'
        ? 'the long animation frames (median over runs)'
        : undefined;
  const both = result.aggregate.profiledScripts && result.aggregate.thirdPartyScripts;
  return [
    `Third-party script budget ${formatThreshold('INP', check.threshold)}: ${
      basis
        ? `${formatValue('INP', check.value)} from ${basis}${both ? ', the larger of the two attributions' : ''}`
        : 'not measured'
    }, ${STATUS_LABEL[check.status] ?? check.status}.`,
    '',
  ];
}

/**
 * The code that ran during the slowest interaction of the CPU-profiled run, by self time and party: beside
 * the long-animation-frame table, which names only entry points (a first-party listener that calls a
 * third-party function is all first party there).
 */
export function profiledScriptsSection(result: UrlResult): string[] {
  const failed = result.interactionProfile?.error;
  if (failed) return [`The interaction profile (CPU profiler run) failed: ${untrustedText(failed)}.`, ''];
  // A results file from another workflow (comment-only mode) may lack any part of it.
  const slowest = result.aggregate.profiledScripts?.slowest;
  if (!slowest) return [];
  const total = slowest.firstPartyMs + slowest.thirdPartyMs + slowest.unknownMs;
  const rows = (slowest.scripts ?? [])
    .slice(0, 5)
    .map((script) => [
      untrustedCode(script.source),
      script.entity
        ? `${PARTY_LABEL[script.party]} (${untrustedText(script.entity)})`
        : PARTY_LABEL[script.party],
      formatValue('INP', script.selfMs),
      total > 0 ? `${Math.round((script.selfMs / total) * 100)} %` : '–',
    ]);
  const share = Math.round(slowest.thirdPartyShare * 100);
  return [
    `**Code that ran during the slowest interaction** (CPU profile of one extra run, ${untrustedText(
      slowest.type,
    )} interaction of ${formatValue('INP', slowest.durationMs)}; self time, so a third-party function called from a first-party listener counts as third party):`,
    '',
    ...(rows.length
      ? [
          markdownTable([['Script', 'Party', 'Self time', 'Share'], ...rows], {
            align: ['l', 'l', 'r', 'r'],
          }),
          '',
        ]
      : []),
    `Third-party code ran ${formatValue('INP', slowest.thirdPartyMs)} of ${formatValue('INP', total)} of script time (${share} %).`,
    '',
  ];
}
