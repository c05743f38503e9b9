// How long 100 URLs × 5 runs take on 1, 4 and 8 shards of a GitHub Actions matrix:
// `npm run bench -- scale [RUNS]`. Measures here, in real Chrome on the example site (mobile profile,
// throttled, the action's default): the time of one page load (RUNS loads of each of 2 pages), of one
// Lighthouse navigation per page, and of a Chrome launch. Then splits 100 URLs × 5 runs + 1 Lighthouse
// each with the shard split the action uses (splitShards), and adds the plan and merge jobs and the job
// start overhead, which is assumed (not measured here: see JOB_START_SECONDS).
import { cpus, loadavg } from 'node:os';
import { findSystemChrome } from '../src/collect/findSystemChrome.js';
import { launchChrome } from '../src/collect/launchChrome.js';
import { startExampleSite } from '../src/demo/exampleSite.js';
import { MEASURED_SECONDS } from '../src/shard/estimateSeconds.js';
import { splitShards, type WorkItem } from '../src/shard/splitShards.js';

/**
 * Seconds from a job being queued to its first step on a GitHub-hosted runner, plus the setup steps of
 * the README workflow (download the plan artifact). An assumption, not a measurement: GitHub does not
 * publish a figure; 45 s is a conservative reading of typical hosted-runner starts. Printed with 90 s too.
 */
const JOB_START_SECONDS = [45, 90];
const URLS = 100;
const RUNS_PER_URL = 5;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

const runs = Number(process.argv[2] ?? 5);
const site = await startExampleSite();
const pages = [`${site.origin}/`, `${site.origin}/product/42`];
const launchStarted = Date.now();
const measurer = await launchChrome(findSystemChrome(), {
  device: 'mobile',
  throttling: 'device',
  timeoutMs: 60_000,
  request: { headers: {}, cookies: [], block: [] },
  urls: pages,
});
const launchSeconds = (Date.now() - launchStarted) / 1000;
const runSeconds: number[] = [];
const lighthouseSeconds: number[] = [];
for (const url of pages) {
  for (let index = 0; index < runs; index++) {
    const started = Date.now();
    const run = await measurer.measure(url, index);
    runSeconds.push((Date.now() - started) / 1000);
    if (run.error) process.stderr.write(`run failed: ${run.error}\n`);
  }
  const started = Date.now();
  await measurer.lighthouse(url);
  lighthouseSeconds.push((Date.now() - started) / 1000);
}
await measurer.close();
await site.close();

function table(title: string, perRun: number, perLighthouse: number): string[] {
  const items: WorkItem[] = Array.from({ length: URLS }, (_, i) => ({
    page: `/page-${String(i).padStart(3, '0')}`,
    device: 'mobile',
    seconds: RUNS_PER_URL * perRun + perLighthouse,
  }));
  const rows = [
    `${title}: load ${perRun.toFixed(2)} s, Lighthouse ${perLighthouse.toFixed(1)} s, Chrome launch ${launchSeconds.toFixed(1)} s`,
    '',
    `| shards | slowest shard measuring | wall, job start ${JOB_START_SECONDS[0]} s | wall, job start ${JOB_START_SECONDS[1]} s | within 15 min |`,
    '| --: | --: | --: | --: | --- |',
  ];
  for (const count of [1, 4, 8]) {
    const slowest = Math.max(...splitShards(items, ['mobile'], count).map((shard) => shard.seconds));
    // plan job: start + reading field data (~2 s); shard job: start + Chrome launch + measuring; merge job: start + ~5 s.
    const wall = (start: number) => start + 2 + (start + launchSeconds + slowest) + (start + 5);
    const [low, high] = JOB_START_SECONDS.map((start) => wall(start) / 60) as [number, number];
    rows.push(
      `| ${count} | ${(slowest / 60).toFixed(1)} min | ${low.toFixed(1)} min | ${high.toFixed(1)} min | ${high <= 15 ? 'yes' : low <= 15 ? `with a ${JOB_START_SECONDS[0]} s start` : 'no'} |`,
    );
  }
  return [...rows, ''];
}

const lines = [
  `machine: ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)} at the end of the bench`,
  `${URLS} URLs × ${RUNS_PER_URL} runs + 1 Lighthouse each, split by splitShards; wall = plan job + slowest shard job + merge job, each with the job start overhead (assumed)`,
  '',
  ...table(
    `measured here (mobile, throttled, example site; ${runSeconds.length} loads, ${lighthouseSeconds.length} Lighthouse medians)`,
    median(runSeconds),
    median(lighthouseSeconds),
  ),
  ...table(
    "with estimateSeconds' constants (a quiet runner)",
    MEASURED_SECONDS.run.mobile.device,
    MEASURED_SECONDS.lighthouse.mobile.device,
  ),
];
process.stdout.write(`${lines.join('\n')}\n`);
