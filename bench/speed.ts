// vitals-gate against `lhci collect`, side by side: `npm run bench -- speed [PAIRS] [RUNS] [URLS] [--no-lhci]`.
// Both tools with their defaults (mobile, throttled; vitals-gate also runs one Lighthouse navigation per URL)
// on the same pages of the example site, the same runs per URL, alternately (A B, B A, …). vitals-gate runs
// as its CLI bundle built from the current source; @lhci/cli is installed for the bench only, into a
// temporary folder. Prints wall time, CPU time and peak memory (PSS of the process tree) per tool as medians
// over the pairs, their ratios, and vitals-gate's per-run time breakdown from results.json.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import url from 'node:url';
import { chromeFlags } from '../src/collect/launchChrome.js';
import type { RunMeasurement } from '../src/collect/RunMeasurement.js';
import type { GateResults } from '../src/results/GateResults.js';

const argv = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const PAIRS = Number(argv[0] ?? 3);
const RUNS = Number(argv[1] ?? 5);
// URL count: the example site's two pages, repeated with distinct query strings for larger counts.
const URL_COUNT = Number(argv[2] ?? 2);
// `--no-lhci`: vitals-gate alone (e.g. its peak memory at 20 URLs × 5 runs).
const WITH_LHCI = !process.argv.includes('--no-lhci');
const LHCI_VERSION = '0.15.1';
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

// bench/run.mjs runs the bundle from bench/.build/: the project is two folders up.
const root = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), '..', '..');
const work = mkdtempSync(path.join(tmpdir(), 'vitals-gate-speed-'));

function run(command: string, args: string[], cwd = root): void {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

/** The CLI bundle of the current source, as users run it (no node_modules above it). */
function buildCli(): string {
  const out = path.join(work, 'dist');
  run(process.execPath, [path.join(root, 'scripts', 'build.mjs'), out]);
  return path.join(out, 'cli.js');
}

/** @lhci/cli in a temporary folder (reused across bench runs), never a dependency of the project. */
function installLhci(): string {
  const prefix = path.join(tmpdir(), `vitals-gate-bench-lhci-${LHCI_VERSION}`);
  const cli = path.join(prefix, 'node_modules', '@lhci', 'cli', 'src', 'cli.js');
  if (!existsSync(cli)) {
    mkdirSync(prefix, { recursive: true });
    run('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', `@lhci/cli@${LHCI_VERSION}`]);
  }
  return cli;
}

/** Parent pid of every process, read from /proc. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      map.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // exited meanwhile
    }
  }
  return map;
}

/** Proportional set size of a process tree in KiB (shared pages split among their users). */
function treePssKiB(rootPid: number): number {
  const byParent = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) byParent.set(ppid, [...(byParent.get(ppid) ?? []), pid]);
  let total = 0;
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop() as number;
    queue.push(...(byParent.get(pid) ?? []));
    try {
      const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      total += Number(match?.[1] ?? 0);
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

interface Measured {
  wallMs: number;
  cpuMs: number;
  peakPssMiB: number;
}

/**
 * Runs a command to completion under bash, whose `times` built-in then gives the CPU time of every process
 * of the tree that was waited for; PSS of the tree is sampled every 250 ms.
 */
function measure(command: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Measured> {
  const log = path.join(cwd, 'output.log');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      'bash',
      ['-c', `"$@" >"${log}" 2>&1; code=$?; times; exit $code`, 'bench', ...command],
      {
        cwd,
        env,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    let peak = 0;
    const sampler = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treePssKiB(child.pid));
    }, 250);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(sampler);
      const wallMs = performance.now() - started;
      // `times`: the shell's user and system time, then its children's.
      const line = out.trim().split('\n').at(-1) ?? '';
      const seconds = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
      if (code !== 0 && code !== 1) {
        reject(new Error(`${command.join(' ')} exited with ${code}; see ${log}`));
        return;
      }
      resolve({ wallMs, cpuMs: ((seconds[0] ?? 0) + (seconds[1] ?? 0)) * 1000, peakPssMiB: peak / 1024 });
    });
  });
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

async function startSite(cli: string): Promise<{ origin: string; stop: () => void }> {
  const child = spawn(process.execPath, [cli, 'example-site'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const origin = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk) => resolve(String(chunk).trim()));
    child.once('exit', (code) => reject(new Error(`example-site exited with ${code}`)));
  });
  return { origin, stop: () => child.kill('SIGTERM') };
}

function pagesOf(origin: string): string[] {
  const pages = ['/', '/product/1'];
  return Array.from({ length: URL_COUNT }, (_, i) => {
    const page = pages[i % pages.length] as string;
    return i < pages.length ? `${origin}${page}` : `${origin}${page}?copy=${i}`;
  });
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const cli = buildCli();
  const lhci = WITH_LHCI ? installLhci() : '';
  const site = await startSite(cli);
  const urls = pagesOf(site.origin);
  const env = { ...process.env, CHROME_PATH: CHROME };
  const flags = chromeFlags(process.getuid?.() === 0).filter((flag) => !flag.startsWith('--headless'));
  const results: Record<'vitals-gate' | 'lhci', Measured[]> = { 'vitals-gate': [], lhci: [] };
  const runs: RunMeasurement[] = [];
  const load: number[] = [];
  console.log(
    `${PAIRS} pairs, ${urls.length} URLs × ${RUNS} runs, Chrome ${CHROME}, @lhci/cli ${LHCI_VERSION}; work folder ${work}`,
  );
  try {
    for (let pair = 0; pair < PAIRS; pair++) {
      const order = !WITH_LHCI
        ? (['vitals-gate'] as const)
        : pair % 2 === 0
          ? (['vitals-gate', 'lhci'] as const)
          : (['lhci', 'vitals-gate'] as const);
      for (const tool of order) {
        const cwd = path.join(work, `${tool}-${pair}`);
        mkdirSync(cwd, { recursive: true });
        load.push(loadavg()[0] as number);
        const command =
          tool === 'vitals-gate'
            ? [
                process.execPath,
                cli,
                'run',
                ...urls,
                '--runs',
                String(RUNS),
                '--output-dir',
                path.join(cwd, 'out'),
              ]
            : [
                process.execPath,
                lhci,
                'collect',
                ...urls.map((u) => `--url=${u}`),
                `--numberOfRuns=${RUNS}`,
                `--settings.chromeFlags=${flags.join(' ')}`,
              ];
        const measured = await measure(command, cwd, env);
        results[tool].push(measured);
        console.log(
          `pair ${pair + 1} ${tool.padEnd(11)} wall ${fmt(measured.wallMs)}  CPU ${fmt(measured.cpuMs)}  peak PSS ${measured.peakPssMiB.toFixed(0)} MiB  (load ${load.at(-1)?.toFixed(2)})`,
        );
        if (tool === 'vitals-gate') {
          const gate = JSON.parse(readFileSync(path.join(cwd, 'out', 'results.json'), 'utf8')) as GateResults;
          for (const result of gate.urls) runs.push(...result.runs);
        }
      }
    }
  } finally {
    site.stop();
  }
  const vg = results['vitals-gate'];
  const lh = WITH_LHCI
    ? results.lhci
    : vg.map(() => ({ wallMs: Number.NaN, cpuMs: Number.NaN, peakPssMiB: Number.NaN }));
  const ratios = (key: keyof Measured) => vg.map((m, i) => m[key] / (lh[i]?.[key] ?? Number.NaN));
  console.log(`\n| figure | vitals-gate | lhci collect | ratio (median of pairs) |`);
  console.log('|---|---:|---:|---:|');
  console.log(
    `| wall time | ${fmt(median(vg.map((m) => m.wallMs)))} | ${fmt(median(lh.map((m) => m.wallMs)))} | ${median(ratios('wallMs')).toFixed(2)} |`,
  );
  console.log(
    `| CPU time (user + system, whole tree) | ${fmt(median(vg.map((m) => m.cpuMs)))} | ${fmt(median(lh.map((m) => m.cpuMs)))} | ${median(ratios('cpuMs')).toFixed(2)} |`,
  );
  console.log(
    `| peak PSS (process tree) | ${median(vg.map((m) => m.peakPssMiB)).toFixed(0)} MiB | ${median(lh.map((m) => m.peakPssMiB)).toFixed(0)} MiB | ${median(ratios('peakPssMiB')).toFixed(2)} |`,
  );
  const timed = runs.filter((r) => r.timings);
  const part = (pick: (r: RunMeasurement) => number) => median(timed.map(pick)).toFixed(0);
  console.log(`\nvitals-gate per run (median of ${timed.length} runs, ms):`);
  console.log(
    '| wall | context | navigation | waits | of which quiet | interactions | collection | of which closing + next page | overhead |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  // Overhead: everything but the page's own time (load, late work, interactions) = context + quiet + collection.
  console.log(
    `| ${part((r) => r.wallMs)} | ${part((r) => r.timings?.context ?? 0)} | ${part((r) => r.timings?.navigation ?? 0)} | ${part((r) => r.timings?.waits ?? 0)} | ${part((r) => r.timings?.quiet ?? 0)} | ${part((r) => r.timings?.interactions ?? 0)} | ${part((r) => r.timings?.collection ?? 0)} | ${part((r) => r.timings?.closing ?? 0)} | ${part((r) => (r.timings ? r.timings.context + r.timings.quiet + r.timings.collection : 0))} |`,
  );
  const runWall = timed.reduce((sum, r) => sum + r.wallMs, 0) / PAIRS;
  console.log(
    `\nPer vitals-gate invocation: ${fmt(runWall)} in runs, ${fmt(median(vg.map((m) => m.wallMs)) - runWall)} outside them (start, Lighthouse, writing). Load average at starts: median ${median(load).toFixed(2)}.`,
  );
  rmSync(work, { recursive: true, force: true });
}

await main();
