import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChrome } from '../../src/collect/launchChrome.js';
import type { Measurer } from '../../src/collect/Measurer.js';
import { nodeGateDeps } from '../../src/gate/nodeGateDeps.js';
import { runGate } from '../../src/gate/runGate.js';
import { urlBoundMs } from '../../src/gate/urlBoundMs.js';
import { streamLogger } from '../../src/log/streamLogger.js';
import { parseSettings } from '../../src/settings/parseSettings.js';
import { systemChrome } from '../helpers/chrome.js';
import { cliFromSource } from '../helpers/cliFromSource.js';
import { type HostileSite, startHostileSite } from '../helpers/hostileSite.js';
import { runnerEnv } from '../helpers/runner.js';

// Pages that misbehave, in real Chrome. Every case's bound is the test's own timeout: the run's timeout
// plus a fixed margin (Chrome start-up is in beforeAll). The margins are for a loaded 2-core machine.
const TIMEOUT_MS = 5000;
const MARGIN_MS = 8000;
let site: HostileSite;
let measurer: Measurer;
let outputDir: string;

beforeAll(async () => {
  site = await startHostileSite();
  outputDir = await mkdtemp(join(tmpdir(), 'vitals-gate-hostile-'));
  measurer = await launchChrome(systemChrome(), {
    device: 'desktop',
    throttling: 'none',
    timeoutMs: TIMEOUT_MS,
    urls: [site.origin],
    request: { headers: {}, cookies: [], block: [] },
  });
});

afterAll(async () => {
  await measurer?.close();
  await site?.close();
  await rm(outputDir, { recursive: true, force: true });
});

const measure = (path: string) => measurer.measure(`${site.origin}${path}`, 0);

describe('a frozen main thread', () => {
  it(
    'after load fails the run within its timeout, and the next run in the same Chrome works',
    async () => {
      const run = await measure('/freeze-after-load');
      expect(run.error).toMatch(/^the page's main thread was blocked for > [1-5] s after load/);
      expect(run.failure).toEqual({ by: 'page', kind: 'frozen' });
      expect(run.wallMs).toBeLessThan(TIMEOUT_MS + 5000); // the close is bounded too
      const next = await measure('/ok');
      expect(next.error).toBeUndefined();
      expect(next.lcp?.value).toBeGreaterThan(0);
    },
    2 * TIMEOUT_MS + MARGIN_MS,
  );

  it(
    'in a load handler (the load event never completes) fails the run within its timeout',
    async () => {
      const run = await measure('/freeze-in-load');
      expect(run.error).toMatch(/^the page's main thread was blocked for > [1-5] s before its load event/);
      expect(run.failure?.kind).toBe('frozen');
    },
    TIMEOUT_MS + MARGIN_MS,
  );
});

describe('dialogs, broken transfers and hosts', () => {
  it(
    'dismisses alert, confirm and prompt in a load handler and says so',
    async () => {
      const run = await measure('/dialogs');
      expect(run.error).toBeUndefined();
      expect(run.dialogs).toEqual(['alert: "hello"', 'confirm: "sure?"', 'prompt: "name?"']);
    },
    TIMEOUT_MS + MARGIN_MS,
  );

  it(
    'fails a document cut off mid-response (Content-Length 100000, 2 kB sent)',
    async () => {
      const run = await measure('/cut');
      expect(run.error).toMatch(/^the document's transfer broke off \(net::ERR_/);
      expect(run.failure).toEqual({ by: 'page', kind: 'broken-transfer' });
    },
    TIMEOUT_MS + MARGIN_MS,
  );

  it(
    'fails a redirect to a login page on another host, naming the final URL and the inputs to use',
    async () => {
      const run = await measure('/login-wall');
      expect(run.error).toContain(`the page ended on another host, ${site.otherHost}/login?next=/ok`);
      expect(run.error).toContain('`extra-headers` or `cookies`');
      expect(run.failure).toEqual({ by: 'page', kind: 'other-host' });
      expect(run.lcp).toBeUndefined(); // the login page's figures are not kept
      expect(run.redirects).toEqual([`${site.origin}/login-wall`, `${site.otherHost}/login?next=/ok`]);
    },
    TIMEOUT_MS + MARGIN_MS,
  );

  it.each([401, 403])(
    'fails HTTP %i as a protected page, naming the URL and the inputs to use',
    async (status) => {
      const run = await measure(`/status/${status}`);
      expect(run.error).toBe(
        `the page answered HTTP ${status} at ${site.origin}/status/${status}: it is protected (a login or access wall); give the credentials with \`extra-headers\` or \`cookies\``,
      );
      expect(run.failure).toEqual({ by: 'page', kind: 'protected' });
    },
    TIMEOUT_MS + MARGIN_MS,
  );

  it(
    'measures a page whose redirect chain went through another host and back, and keeps the chain',
    async () => {
      const run = await measure('/bounce');
      expect(run.error).toBeUndefined();
      expect(run.redirects).toEqual([
        `${site.origin}/bounce`,
        `${site.otherHost}/sso?back=1`,
        `${site.origin}/ok?from=sso`,
      ]);
    },
    TIMEOUT_MS + MARGIN_MS,
  );

  it(
    'fails a page whose script navigates to another host',
    async () => {
      const run = await measure('/navigate-away');
      expect(run.error).toBe(
        `a script sent the page to another host, ${site.otherHost}/elsewhere, during the run`,
      );
      expect(run.failure).toEqual({ by: 'page', kind: 'other-host' });
    },
    TIMEOUT_MS + MARGIN_MS,
  );
});

describe('the gate on hostile pages', () => {
  const settingsFor = (urls: string, lighthouse: boolean, runs = 1) =>
    parseSettings(
      (name) =>
        ({
          urls,
          'base-url': site.origin,
          runs: String(runs),
          device: 'desktop',
          throttling: 'none',
          lighthouse: String(lighthouse),
          timeout: String(TIMEOUT_MS / 1000),
          'wait-timeout': '0',
          'output-dir': outputDir,
        })[name],
    );
  const deps = () => {
    const progress: string[] = [];
    const log = streamLogger({
      write: (text: string) => progress.push(text),
    } as unknown as NodeJS.WritableStream);
    return { deps: nodeGateDeps(log), progress };
  };

  it(
    'fails a page that breaks in one run of three, leaving that run out of the medians, and says whose failure it was',
    async () => {
      const { deps: gateDeps } = deps();
      const outcome = await runGate(settingsFor('/flaky?fail=2', false, 3), gateDeps);
      const [page] = outcome.results.urls;
      expect(page?.runs.map((run) => run.failure?.kind ?? 'ok')).toEqual(['ok', 'http-error', 'ok']);
      expect(page?.aggregate.successfulRuns).toBe(2);
      expect(page?.aggregate.metrics.LCP?.n).toBe(2);
      expect(page?.verdict.status).toBe('fail');
      expect(page?.verdict.problems).toEqual(['1 run failed because of the page']);
      expect(outcome.markdown).toContain("- run 2 failed (the page's failure): the page answered HTTP 500");
    },
    3 * TIMEOUT_MS + MARGIN_MS,
  );

  it(
    'skips Lighthouse when no run reached a page that never answers, and writes results.json',
    async () => {
      const { deps: gateDeps, progress } = deps();
      const outcome = await runGate(settingsFor('/never', true), gateDeps);
      const [page] = outcome.results.urls;
      expect(page?.runs[0]?.error).toBe("the page did not answer within the run's timeout of 5 s");
      expect(page?.lighthouse?.error).toBe('skipped: no measured run reached the page');
      expect(page?.verdict.status).toBe('fail');
      const written = JSON.parse(await readFile(join(outputDir, 'results.json'), 'utf8'));
      expect(written.urls[0].runs).toHaveLength(1);
      expect(progress.join('')).toContain('Lighthouse skipped');
    },
    TIMEOUT_MS + MARGIN_MS,
  );
});

describe('the bound per URL', () => {
  const bound = urlBoundMs({ runs: 1, timeoutMs: TIMEOUT_MS, lighthouse: true });
  it(
    `holds on a page that freezes after load: a run and Lighthouse in ${bound / 1000} s at most (timeout + 1 s, timeout + 30 s + 1 s, 10 s), the run kept`,
    async () => {
      const progress: string[] = [];
      const log = streamLogger({
        write: (text: string) => progress.push(text),
      } as unknown as NodeJS.WritableStream);
      const settings = parseSettings(
        (name) =>
          ({
            urls: '/freeze-after-load',
            'base-url': site.origin,
            runs: '1',
            device: 'desktop',
            throttling: 'none',
            lighthouse: 'true',
            timeout: String(TIMEOUT_MS / 1000),
            'wait-timeout': '0',
            'output-dir': outputDir,
          })[name],
      );
      const outcome = await runGate(settings, nodeGateDeps(log));
      const [page] = outcome.results.urls;
      expect(page?.runs.map((run) => run.failure?.kind)).toEqual(['frozen']);
      // Stopped by the bound, or sooner by Lighthouse itself: its load wait gives up at the page's timeout
      // and it finds the page hung (seen since its quiet windows are 500 ms).
      expect(page?.lighthouse?.error).toMatch(
        /^(did not finish within 35 s \(the page's timeout \+ 30 s\); stopped|PAGE_HUNG: Lighthouse was unable to reliably load the URL you requested because the page stopped responding\.)$/,
      );
      expect(page?.verdict.status).toBe('fail');
      const written = JSON.parse(await readFile(join(outputDir, 'results.json'), 'utf8'));
      expect(written.urls[0].runs[0].error).toMatch(/main thread was blocked/);
    },
    bound,
  );
});

describe('cancellation (the CLI as a child process, built from source)', () => {
  let cli: Awaited<ReturnType<typeof cliFromSource>>;
  beforeAll(async () => {
    cli = await cliFromSource('hostile');
  });
  afterAll(async () => {
    await cli?.remove();
  });

  /** Starts the CLI on a quick page (2 runs) then a page that never answers; signals once the second page's run is under way. */
  async function cancelDuringRun(signal: 'SIGTERM' | 'SIGINT') {
    const dir = await mkdtemp(join(outputDir, `cancel-${signal}-`));
    const child = spawn(
      process.execPath,
      [
        cli.cli,
        'run',
        `${site.origin}/ok`,
        `${site.origin}/never`,
        '--runs=2',
        '--device=desktop',
        '--throttling=none',
        '--lighthouse=false',
        '--timeout=60',
        '--wait-timeout=0',
        `--output-dir=${dir}`,
      ],
      { env: runnerEnv({}) },
    );
    let stderr = '';
    let stdout = '';
    let signalledAt = 0;
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
      if (!signalledAt && /Measuring http:\/\/127\.0\.0\.1:\d+\/never/.test(stderr)) {
        signalledAt = Date.now();
        setTimeout(() => child.kill(signal), 500); // the run of /never is under way
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, stdout, stderr, stoppedInMs: Date.now() - signalledAt, dir };
  }

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)(
    '%s during a run stops at once, writes results.json and the report marked cancelled, and exits %i',
    async (signal, exitCode) => {
      const { code, stdout, stderr, stoppedInMs, dir } = await cancelDuringRun(signal);
      expect(code, stderr).toBe(exitCode);
      expect(stoppedInMs).toBeLessThan(8000); // the runner kills a step 7.5 s after its SIGINT
      expect(stderr).toContain(`vitals-gate: cancelled (${signal}): no verdict`);
      const results = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8'));
      expect(results.verdict.status).toBe('cancelled');
      expect(results.cancelled).toEqual({ reason: signal, measured: '2 runs of 1 of 2 pages' });
      expect(results.urls.map((url: { url: string }) => url.url)).toEqual([`${site.origin}/ok`]);
      const report = await readFile(join(dir, 'report.md'), 'utf8');
      expect(report.split('\n')[0]).toBe('## ⏹️ vitals-gate: cancelled (no verdict)');
      expect(report).toContain(`**Cancelled (${signal}) after 2 runs of 1 of 2 pages`);
      expect(stdout).toContain('## ⏹️ vitals-gate: cancelled (no verdict)');
    },
    // Chrome start and 2 quick runs, then the signal
    60_000,
  );
});
