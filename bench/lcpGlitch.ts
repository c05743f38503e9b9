// How often Chrome leaves a loaded hero image out of its LCP record, and what the one retry of measureRun
// does about it: `npm run bench -- lcp [RUNS]`. Loads the example home page (300 ms image) RUNS times per
// arm in one desktop Chrome, unthrottled, while one extra thread keeps a core busy (a starved 2-core runner),
// and prints the runs whose LCP element is not the image, with and without the retry, side by side.
import { Worker } from 'node:worker_threads';
import puppeteer from 'puppeteer-core';
import { DEVICE_PROFILES } from '../src/collect/deviceProfiles.js';
import { findSystemChrome } from '../src/collect/findSystemChrome.js';
import { inPageScript } from '../src/collect/inPageScript.js';
import { chromeFlags } from '../src/collect/launchChrome.js';
import { measureRun } from '../src/collect/measureRun.js';
import { webVitalsSource } from '../src/collect/webVitalsSource.js';
import { startExampleSite } from '../src/demo/exampleSite.js';

const runs = Number(process.argv[2] ?? 80);
const site = await startExampleSite();
const browser = await puppeteer.launch({
  executablePath: findSystemChrome(),
  headless: true,
  args: chromeFlags(process.getuid?.() === 0),
});
const busy = new Worker('const end = Date.now() + 36e5; while (Date.now() < end) {}', { eval: true });
const script = inPageScript(webVitalsSource());
const url = `${site.origin}/?imageDelay=300`;
const arms = { 'no retry': false, 'one retry': true } as const;
const rows: string[] = [];
for (const [name, retry] of Object.entries(arms)) {
  let wrong = 0;
  let remeasured = 0;
  let failed = 0;
  const started = Date.now();
  for (let index = 0; index < runs; index++) {
    const { run } = await measureRun(browser, url, index, {
      profile: DEVICE_PROFILES.desktop,
      throttle: false,
      timeoutMs: 30_000,
      script,
      request: { headers: {}, cookies: [], block: [] },
      origins: [site.origin],
      retryLcpAnomaly: retry,
    });
    if (run.error) failed++;
    else if (run.lcp?.attribution.target !== '#content>img.hero') wrong++;
    if (run.remeasured) remeasured++;
  }
  const seconds = (Date.now() - started) / 1000;
  rows.push(
    `${name.padEnd(10)} runs ${runs}  LCP not the image ${String(wrong).padStart(3)} (${((wrong / runs) * 100).toFixed(1)} %)  loaded twice ${String(remeasured).padStart(3)}  failed ${failed}  ${(seconds / runs).toFixed(2)} s/run`,
  );
  process.stderr.write(`${rows.at(-1)}\n`);
}
await busy.terminate();
await browser.close();
await site.close();
process.stdout.write(`${rows.join('\n')}\n`);
