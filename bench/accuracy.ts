// Expected vs measured on the ground-truth site (test/helpers/groundTruthSite.ts), per scenario and profile:
// `npm run bench -- accuracy [RUNS]` (default 5 runs per page and profile). Prints a markdown table
// (median, IQR, runs, ok/off) and the machine's load average before and after. A second argument keeps only
// the scenarios whose page path contains it (e.g. `shift`).
import { loadavg } from 'node:os';
import { findSystemChrome } from '../src/collect/findSystemChrome.js';
import { launchChrome } from '../src/collect/launchChrome.js';
import {
  ACCURACY_PROFILES,
  ACCURACY_SCENARIOS,
  accuracyTable,
  measureScenarios,
  type ScenarioResult,
} from '../test/helpers/accuracyScenarios.js';
import { startGroundTruthSite } from '../test/helpers/groundTruthSite.js';

const runs = Number(process.argv[2] ?? 5);
const only = process.argv[3];
const site = await startGroundTruthSite();
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const loadBefore = load();
const results: ScenarioResult[] = [];
const started = Date.now();
for (const profile of ACCURACY_PROFILES) {
  const chrome = await launchChrome(findSystemChrome(), {
    device: profile,
    throttling: profile === 'mobile' ? 'device' : 'none',
    timeoutMs: 60_000,
    urls: [site.origin],
    request: { headers: {}, cookies: [], block: [] },
  });
  try {
    const scenarios = ACCURACY_SCENARIOS.filter((s) => !only || s.path.includes(only));
    const measured = await measureScenarios(chrome.measure, site.origin, profile, runs, scenarios);
    for (const result of measured) {
      results.push(result);
      if (result.errors.length)
        process.stderr.write(`${profile} ${result.scenario.name}: ${result.errors[0]}\n`);
    }
    process.stderr.write(`${profile}: ${chrome.browserVersion}\n`);
  } finally {
    await chrome.close();
  }
}
await site.close();
process.stdout.write(
  `${accuracyTable(results)}\n\nruns per page and profile: ${runs}; wall ${((Date.now() - started) / 1000).toFixed(0)} s; load average before ${loadBefore}, after ${load()}\n`,
);
