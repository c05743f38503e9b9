import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActionsIo } from '../../src/action/ActionsIo.js';
import { type ActionDeps, runAction } from '../../src/action/runAction.js';
import type { Measurer } from '../../src/collect/Measurer.js';
import type { GateDeps } from '../../src/gate/runGate.js';
import type { GitHubApi } from '../../src/github/GitHubApi.js';
import type { Logger } from '../../src/log/Logger.js';
import type { ArtifactStore } from '../../src/publish/ArtifactStore.js';
import type { GateResults } from '../../src/results/GateResults.js';
import { INPUT_DEFINITIONS } from '../../src/settings/inputDefinitions.js';
import { gateResults, REPORT_BUDGETS, run, urlResult } from '../helpers/fixtures.js';

const silent: Logger = { info: () => {}, warning: () => {}, debug: () => {}, group: (_name, fn) => fn() };

const PULL_REQUEST = readFileSync(new URL('../fixtures/events/pull_request.json', import.meta.url), 'utf8');

/**
 * A recording Actions runner: inputs as the runner passes them, action.yml's defaults filled in, except
 * expressions (`github-token: ${{ github.token }}`): these runs have no token, so nothing goes to GitHub.
 */
/** Node's fetch when nothing listens: a TypeError whose cause names the refused connection. */
const refusingFetch = async (url: string) => {
  const { host } = new URL(url);
  throw new TypeError('fetch failed', { cause: new Error(`connect ECONNREFUSED ${host}`) });
};

function fakeIo(inputs: Record<string, string>) {
  const calls = {
    outputs: {} as Record<string, string>,
    secrets: [] as string[],
    failed: [] as string[],
    summary: [] as string[],
    info: [] as string[],
    annotations: [] as string[],
  };
  const io: ActionsIo = {
    getInput: (name) => {
      const fallback = INPUT_DEFINITIONS.find((input) => input.name === name)?.default ?? '';
      return inputs[name] ?? (fallback.startsWith('${{') ? '' : fallback);
    },
    setOutput: (name, value) => {
      calls.outputs[name] = value;
    },
    setSecret: (value) => void calls.secrets.push(value),
    setFailed: (message) => void calls.failed.push(message),
    appendSummary: async (markdown) => void calls.summary.push(markdown),
    info: (message) => void calls.info.push(message),
    debug: () => {},
    warning: (message, properties) => void calls.annotations.push(`warning ${properties?.title}: ${message}`),
    error: (message, properties) => void calls.annotations.push(`error ${properties?.title}: ${message}`),
  };
  return { io, calls };
}

/** The gate with files in memory and a measurer whose LCP is fixed; `launched` counts browser starts. */
function memoryGate(files: Record<string, string>, lcp = 1200) {
  const written = new Map<string, string>();
  const launched: string[] = [];
  const measurer: Measurer = {
    browserVersion: 'FakeChrome/1',
    measure: async (url, index) => ({ ...run(index, lcp), url }),
    lighthouse: async () => ({ summary: {}, html: '' }),
    close: async () => {},
  };
  const deps: GateDeps = {
    log: silent,
    readText: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
    files: { mkdir: async () => {}, writeFile: async (path, content) => void written.set(path, content) },
    launchMeasurer: async () => {
      launched.push('chrome');
      return measurer;
    },
    now: () => new Date('2026-11-22T10:00:00Z'),
    probe: async () => ({ status: 200 }),
    sleep: async () => {},
    fetch: refusingFetch,
    toolVersion: '0.0.0-test',
  };
  return { deps, written, launched, measurer };
}

function actionDeps(io: ActionsIo, gate: GateDeps, event = 'pull_request'): ActionDeps {
  return {
    io,
    env: { GITHUB_EVENT_NAME: event, GITHUB_EVENT_PATH: 'event.json', GITHUB_REPOSITORY: 'acme/shop' },
    gate: () => gate,
    github: () => {
      throw new Error('no GitHub API without a token');
    },
    artifacts: () => {
      throw new Error('no artifact service outside a runner');
    },
  };
}

const BUDGETS = JSON.stringify({ budgets: [{ path: '/**', metrics: { LCP: { max: 2500 } } }] });

describe('runAction (a fake runner, no Chrome)', () => {
  it('skips a closed pull request without measuring or failing', async () => {
    const closed = JSON.stringify({ ...JSON.parse(PULL_REQUEST), action: 'closed' });
    const { io, calls } = fakeIo({ urls: 'https://shop.example/' });
    const gate = memoryGate({ 'event.json': closed });
    await runAction(actionDeps(io, gate.deps));
    expect(calls.outputs).toEqual({ result: 'skipped' });
    expect(calls.info).toEqual([
      'vitals-gate: nothing to measure for this pull_request event: pull request #42 was closed.',
    ]);
    expect(calls.failed).toEqual([]);
    expect(gate.launched).toEqual([]);
  });

  it('fails the step with one clear message on a bad input, before starting Chrome', async () => {
    const { io, calls } = fakeIo({ urls: 'https://shop.example/', runs: 'many' });
    const gate = memoryGate({ 'event.json': PULL_REQUEST });
    await runAction(actionDeps(io, gate.deps));
    expect(calls.failed).toHaveLength(1);
    expect(calls.failed[0]).toMatch(/^Invalid input 'runs': 'many'/);
    expect(calls.outputs).toEqual({ result: 'error' });
    expect(gate.launched).toEqual([]);
  });

  it("on the runner's cancel (SIGTERM) stops measuring, writes what it measured and sets result: cancelled", async () => {
    const { io, calls } = fakeIo({ urls: 'https://shop.example/\nhttps://shop.example/cart', runs: '3' });
    const gate = memoryGate({ 'event.json': PULL_REQUEST });
    const signals = new EventEmitter();
    const measure = gate.measurer.measure;
    let measured = 0;
    gate.measurer.measure = async (url, index, plan) => {
      if (++measured === 2) signals.emit('SIGTERM'); // the runner cancels during the second run
      return measure(url, index, plan);
    };
    await runAction({ ...actionDeps(io, gate.deps), signals });
    expect(calls.outputs).toEqual({
      result: 'cancelled',
      'results-path': 'vitals-gate-results/results.json',
      'report-path': 'vitals-gate-results/report.md',
    });
    expect(calls.failed).toEqual([
      'Cancelled (SIGTERM) after 2 runs of 1 of 2 pages: no verdict. vitals-gate-results/results.json holds what was measured.',
    ]);
    const results = JSON.parse(gate.written.get('vitals-gate-results/results.json') ?? '{}');
    expect(results.verdict.status).toBe('cancelled');
    expect(results.urls).toHaveLength(1);
    expect(results.urls[0].runs).toHaveLength(2);
    expect(calls.summary[0]).toContain('## ⏹️ vitals-gate: cancelled (no verdict)');
    expect(calls.summary[0]).toContain('**Cancelled (SIGTERM) after 2 runs of 1 of 2 pages');
    expect(signals.listenerCount('SIGTERM')).toBe(0); // the handlers are removed afterwards
  });

  it('fails the step on a failing verdict, with outputs, job summary and annotations', async () => {
    const { io, calls } = fakeIo({ urls: 'https://shop.example/', budgets: 'budgets.json', runs: '3' });
    const gate = memoryGate({ 'event.json': PULL_REQUEST, 'budgets.json': BUDGETS }, 3100);
    await runAction(actionDeps(io, gate.deps));
    expect(calls.failed).toEqual([
      'Performance budgets exceeded on https://shop.example/. See the job summary for why.',
    ]);
    expect(calls.outputs).toEqual({
      result: 'fail',
      'results-path': 'vitals-gate-results/results.json',
      'report-path': 'vitals-gate-results/report.md',
    });
    expect(calls.summary).toHaveLength(1);
    expect(calls.summary[0]).toContain('## ❌ vitals-gate: fail');
    expect(calls.annotations.some((line) => line.startsWith('error ') && line.includes('LCP 3,100 ms'))).toBe(
      true,
    );
    expect(JSON.parse(gate.written.get('vitals-gate-results/results.json') ?? '{}').verdict.status).toBe(
      'fail',
    );
    expect(calls.info).toContain('Event: pull_request · commit 4f2a9c1 · pull request #42');
  });

  it('passes within budget: outputs and summary, no failure', async () => {
    const { io, calls } = fakeIo({ urls: 'https://shop.example/', budgets: 'budgets.json', runs: '1' });
    const gate = memoryGate({ 'event.json': PULL_REQUEST, 'budgets.json': BUDGETS }, 1200);
    await runAction(actionDeps(io, gate.deps));
    expect(calls.failed).toEqual([]);
    expect(calls.outputs.result).toBe('pass');
    expect(calls.summary[0]).toContain('## ✅ vitals-gate: pass');
    expect(calls.info.at(-1)).toBe('vitals-gate: pass');
    expect(gate.launched).toEqual(['chrome']);
  });

  it('in comment-only mode publishes the uploaded results without measuring, and fails the step on a failing verdict', async () => {
    const uploaded = gateResults([urlResult('https://shop.example/', [run(0, 3100)], REPORT_BUDGETS)]);
    expect(uploaded.verdict.status).toBe('fail');
    const { io, calls } = fakeIo({ mode: 'comment-only' });
    const gate = memoryGate({
      'event.json': PULL_REQUEST,
      'vitals-gate-results/results.json': JSON.stringify(uploaded),
    });
    await runAction(actionDeps(io, gate.deps));
    expect(gate.launched).toEqual([]);
    // The commenting job can be the required check: a failing verdict fails it too.
    expect(calls.failed).toEqual([
      'Performance budgets exceeded on https://shop.example/. See the job summary for why.',
    ]);
    expect(calls.outputs).toEqual({ result: 'fail', 'results-path': 'vitals-gate-results/results.json' });
    expect(calls.summary[0]).toContain('## ❌ vitals-gate: fail');
    expect(calls.annotations).toEqual([]);
  });

  it('masks the token and the secret settings', async () => {
    const { io, calls } = fakeIo({
      urls: 'https://shop.example/',
      runs: '1',
      'extra-headers': 'Authorization: Bearer s3cret',
    });
    const gate = memoryGate({ 'event.json': PULL_REQUEST });
    await runAction(actionDeps(io, gate.deps));
    expect(calls.secrets).toContain('Bearer s3cret');
    expect(calls.failed).toEqual([]);
  });
});

describe('runAction: plan, shards and merge (a fake runner and artifact store, no Chrome)', () => {
  const RUNNER_ENV = {
    GITHUB_RUN_ID: '77',
    ACTIONS_RUNTIME_TOKEN: 'runtime',
    ACTIONS_RESULTS_URL: 'https://results.invalid/',
  };

  /** An artifact store in memory: uploads are recorded, downloads copy a stored results.json into `files`. */
  function memoryArtifacts(files: Record<string, string>, stored: Record<string, string>) {
    const uploaded: string[] = [];
    const artifacts: ArtifactStore = {
      upload: async (name) => {
        uploaded.push(name);
        return uploaded.length;
      },
      download: async (name, _from, directory) => {
        const results = stored[name];
        if (!results) throw new Error(`Artifact not found for name: ${name}`);
        files[join(directory, 'results.json')] = results;
      },
    };
    return { artifacts, uploaded };
  }

  function deps(io: ActionsIo, gate: GateDeps, artifacts: ArtifactStore): ActionDeps {
    return {
      ...actionDeps(io, gate),
      env: { ...actionDeps(io, gate).env, ...RUNNER_ENV },
      // Comments and check runs are off in these runs: the API object is never called.
      github: () => ({}) as GitHubApi,
      artifacts: () => artifacts,
    };
  }

  it('mode plan writes plan.json from beacons and sets the matrix output', async () => {
    const beacons = [
      ...[3000, 3200, 3400].map((value) => ({ name: 'LCP', value, page: '/product/1' })),
      { name: 'LCP', value: 1000, page: '/' },
    ]
      .map((beacon) => JSON.stringify(beacon))
      .join('\n');
    const { io, calls } = fakeIo({ mode: 'plan', 'rum-source': 'file', 'rum-file': 'beacons.ndjson' });
    const files: Record<string, string> = { 'event.json': PULL_REQUEST, 'beacons.ndjson': beacons };
    const gate = memoryGate(files);
    const store = memoryArtifacts(files, {});
    await runAction(deps(io, gate.deps, store.artifacts));
    expect(calls.failed).toEqual([]);
    expect(calls.outputs).toEqual({
      matrix: '{"include":[{"shard":"1/1","device":"mobile"}]}',
      'plan-path': 'vitals-gate-results/plan.json',
      result: 'planned',
    });
    const plan = JSON.parse(gate.written.get('vitals-gate-results/plan.json') ?? '{}');
    expect(plan.pages.map((page: { path: string }) => page.path)).toEqual(['/product/1', '/']);
    expect(plan.pages[0].reason).toBe(
      'measured because it carries 75 % of page views and its p75 LCP is 3.3 s', // type-7 p75 of 3000, 3200, 3400
    );
    expect(store.uploaded).toEqual(['vitals-gate-plan']);
    expect(calls.summary[0]).toContain('### Test plan');
    expect(gate.launched).toEqual([]);
  });

  it('a shard measures only its URLs, uploads <name>-results-K-of-N and leaves the verdict to the merge', async () => {
    const urls = ['/a', '/b', '/c', '/d'].map((path) => `https://shop.example${path}`).join('\n');
    const { io, calls } = fakeIo({ urls, shard: '2/2', runs: '1', budgets: 'budgets.json' });
    const files = { 'event.json': PULL_REQUEST, 'budgets.json': BUDGETS };
    const gate = memoryGate(files, 3100);
    const store = memoryArtifacts(files, {});
    await runAction(deps(io, gate.deps, store.artifacts));
    const results = JSON.parse(gate.written.get('vitals-gate-results/results.json') ?? '{}') as GateResults;
    expect(results.urls).toHaveLength(2);
    expect(results.shard).toEqual({
      index: 2,
      count: 2,
      device: 'mobile',
      urls: results.urls.map((u) => u.url),
      total: 4,
    });
    expect(store.uploaded).toEqual(['vitals-gate-results-2-of-2']);
    expect(calls.outputs.result).toBe('fail');
    expect(calls.failed).toEqual([]);
  });

  it('a shard with no pages measures nothing and starts no browser', async () => {
    const { io, calls } = fakeIo({ urls: 'https://shop.example/', shard: '2/2', runs: '1' });
    const files = { 'event.json': PULL_REQUEST };
    const gate = memoryGate(files);
    await runAction(deps(io, gate.deps, memoryArtifacts(files, {}).artifacts));
    const results = JSON.parse(gate.written.get('vitals-gate-results/results.json') ?? '{}') as GateResults;
    expect(results.urls).toEqual([]);
    expect(results.shard).toEqual({ index: 2, count: 2, device: 'mobile', urls: [], total: 1 });
    expect(gate.launched).toEqual([]);
    expect(calls.outputs.result).toBe('pass');
  });

  it('mode merge publishes the shards of this run as one, and a missing shard fails the step with error', async () => {
    const shardResults = (index: number, paths: string[], lcp: number) => {
      const pages = paths.map((path) =>
        urlResult(`https://shop.example${path}`, [run(0, lcp)], REPORT_BUDGETS),
      );
      return JSON.stringify({
        ...gateResults(pages),
        shard: { index, count: 3, device: 'mobile', urls: pages.map((p) => p.url), total: 4 },
      });
    };
    const stored = {
      'vitals-gate-results-1-of-3': shardResults(1, ['/a', '/b'], 1200),
      'vitals-gate-results-2-of-3': shardResults(2, ['/c'], 1200),
      'vitals-gate-results-3-of-3': shardResults(3, ['/d'], 1200),
    };
    const inputs = { mode: 'merge', shard: '3', 'github-token': 'tok', comment: 'false' };
    const whole = fakeIo(inputs);
    const files: Record<string, string> = { 'event.json': PULL_REQUEST };
    const store = memoryArtifacts(files, stored);
    await runAction(deps(whole.io, memoryGate(files).deps, store.artifacts));
    expect(whole.calls.failed).toEqual([]);
    expect(whole.calls.outputs.result).toBe('pass');
    expect(whole.calls.summary[0]?.match(/^### /gm)).toHaveLength(4);
    expect(store.uploaded).toEqual(['vitals-gate-results']);

    const partial = fakeIo(inputs);
    const { 'vitals-gate-results-2-of-3': _missing, ...withoutTwo } = stored;
    const partialFiles: Record<string, string> = { 'event.json': PULL_REQUEST };
    await runAction(
      deps(partial.io, memoryGate(partialFiles).deps, memoryArtifacts(partialFiles, withoutTwo).artifacts),
    );
    expect(partial.calls.outputs.result).toBe('error');
    expect(partial.calls.failed).toEqual([
      'Not every shard was measured: shard 2 of 3 is missing (its job failed or uploaded no results).',
    ]);
    expect(partial.calls.summary[0]).toContain('## 🛑 vitals-gate: error');
    expect(partial.calls.summary[0]).not.toContain('within budget');
  });
});
