import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChrome } from '../../src/collect/launchChrome.js';
import type { Measurer } from '../../src/collect/Measurer.js';
import { nodeGateDeps } from '../../src/gate/nodeGateDeps.js';
import { runGate } from '../../src/gate/runGate.js';
import { streamLogger } from '../../src/log/streamLogger.js';
import { parseSettings } from '../../src/settings/parseSettings.js';
import { systemChrome } from '../helpers/chrome.js';
import { type HostileSite, startHostileSite } from '../helpers/hostileSite.js';

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
