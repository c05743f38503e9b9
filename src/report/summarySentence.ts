import type { GateResults } from '../results/GateResults.js';
import { untrustedCode } from './escapeMarkdown.js';

export function summarySentence(results: GateResults): string {
  if (results.cancelled) {
    return `**Cancelled (${results.cancelled.reason}) after ${results.cancelled.measured}: below is what was measured until then; it decides nothing.**`;
  }
  const failing = results.verdict.urls.filter((url) => url.status === 'fail').length;
  const warning = results.verdict.urls.filter((url) => url.status === 'warn').length;
  const total = results.verdict.urls.length;
  const pages = (n: number) => `${n} of ${total} page${total === 1 ? '' : 's'}`;
  if (results.verdict.status === 'error') {
    const over = failing ? `, ${failing} over budget` : '';
    return `**Incomplete: ${total} page${total === 1 ? '' : 's'} measured${over}; the pages of the missing shards are not judged.**`;
  }
  if (failing > 0) return `**${pages(failing)} over budget.**`;
  if (warning > 0) return `**${pages(warning)} within budget but over a warning threshold.**`;
  return `**${total === 1 ? 'The page is' : `All ${total} pages are`} within budget.**`;
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
