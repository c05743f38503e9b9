// Third-party time inside first-party handlers, by the CPU-profiled run (profile-interactions), against the
// ground-truth pages of test/helpers/thirdPartySite.ts: `npm run bench -- thirdparty [RUNS]` (default 10
// per page and profile). Prints, per page and profile, the median third-party self time and share of the
// slowest interaction's script time, with the range, and the machine's load average.
import { loadavg } from 'node:os';
import { summarizeProfile } from '../src/aggregate/summarizeProfile.js';
import { findSystemChrome } from '../src/collect/findSystemChrome.js';
import { launchChrome } from '../src/collect/launchChrome.js';
import { startThirdPartySite } from '../test/helpers/thirdPartySite.js';

const runs = Number(process.argv[2] ?? 10);
const site = await startThirdPartySite();
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const loadBefore = load();
const rows: string[] = [];
for (const device of ['desktop', 'mobile'] as const) {
  const chrome = await launchChrome(findSystemChrome(), {
    device,
    throttling: device === 'mobile' ? 'device' : 'none',
    timeoutMs: 60_000,
    urls: [site.origin],
    request: { headers: {}, cookies: [], block: [] },
  });
  try {
    for (const path of ['/nested', '/own']) {
      const third: number[] = [];
      const shares: number[] = [];
      const errors: string[] = [];
      for (let i = 0; i < runs; i++) {
        const profile = await chrome.profileInteractions?.(`${site.origin}${path}`, {
          interactions: [{ click: '#go' }],
        });
        const slowest = summarizeProfile(profile)?.slowest;
        if (!slowest) errors.push(profile?.error ?? 'no interaction');
        else {
          third.push(slowest.thirdPartyMs);
          shares.push(slowest.thirdPartyShare * 100);
        }
      }
      const expected = path === '/nested' ? '≥ 90 %' : '≤ 5 %';
      const ok = path === '/nested' ? Math.min(...shares) >= 90 : Math.max(...shares) <= 5;
      rows.push(
        `| ${path} (300 ms loop) | ${device} | ${median(third).toFixed(0)} ms | ${median(shares).toFixed(1)} % (${Math.min(...shares).toFixed(1)}–${Math.max(...shares).toFixed(1)}) | ${expected} | ${shares.length}/${runs} | ${ok && !errors.length ? 'ok' : `off${errors.length ? `: ${errors[0]}` : ''}`} |`,
      );
    }
  } finally {
    await chrome.close();
  }
}
await site.close();
console.log(
  '| page | profile | third-party self time (median) | third-party share (median, range) | expected | runs | |',
);
console.log('|---|---|---:|---:|---|---:|---|');
for (const row of rows) console.log(row);
console.log(`\nload average before: ${loadBefore}; after: ${load()}`);
