import type { Plan } from '../plan/Plan.js';
import { untrustedCode, untrustedText } from './escapeMarkdown.js';

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** Why these pages and devices: the plan's pages with the traffic and field p75 that chose them. */
export function planSection(plan: Omit<Plan, 'field'>, { folded = false } = {}): string[] {
  const devices = plan.devices.map((entry) => `${entry.device}: ${untrustedText(entry.reason)}`).join('; ');
  const rows = plan.pages.map(
    (page) =>
      `| ${untrustedCode(page.path)} | ${page.share !== undefined ? percent(page.share) : '–'} | ${untrustedText(page.reason).replaceAll('|', '\\|')} |`,
  );
  const intro = `Chosen from production data (${untrustedText(plan.source)}) on ${plan.createdAt.slice(0, 10)}: ${plan.pages.length} page${plan.pages.length === 1 ? '' : 's'}, ${plan.shards} shard${plan.shards === 1 ? '' : 's'}. Devices — ${devices}.`;
  const table = ['| Page | Page views | Why |', '| --- | --: | --- |', ...rows];
  const skipped = plan.skipped.length
    ? [
        `Left out: ${plan.skipped.map((entry) => `${untrustedCode(entry.path, { inTable: false })} (${untrustedText(entry.reason)})`).join(', ')}.`,
        '',
      ]
    : [];
  if (folded) {
    return [
      '<details><summary>Test plan: why these pages</summary>',
      '',
      intro,
      '',
      ...table,
      '',
      ...skipped,
      '</details>',
      '',
    ];
  }
  return ['### Test plan', '', intro, '', ...table, '', ...skipped];
}
