import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BudgetsFile } from '../../src/budgets/Budgets.js';
import { octokitGitHubApi } from '../../src/github/octokitGitHubApi.js';
import type { Logger } from '../../src/log/Logger.js';
import { publishResults } from '../../src/publish/publishResults.js';
import { commentMarker } from '../../src/report/renderComment.js';
import type { Trigger } from '../../src/trigger/Trigger.js';
import { type FakeGitHub, startFakeGitHub } from '../helpers/fakeGitHub.js';
import { gateResults, run, urlResult } from '../helpers/fixtures.js';
import { expectNoInternals, HANG_BOUND_MS } from './harness.js';

/**
 * Publishing against the loopback fake GitHub when GitHub misbehaves: a failed viewer query, 5xx answers
 * with HTML pages, a write that landed but was reported as failed, bad tokens, missing permissions. Each
 * case asserts what was written (never another app's comment edited, never a duplicate), what the job
 * summary says (status and one line, never a page), that nothing leaks internals, and a time bound.
 */

const warnings: string[] = [];
const log: Logger = {
  info: () => {},
  warning: (message) => void warnings.push(message),
  debug: () => {},
  group: (_name, fn) => fn(),
};

let github: FakeGitHub;
beforeEach(async () => {
  warnings.length = 0;
  github = await startFakeGitHub();
});
afterEach(async () => {
  await github.close();
});

const budgets: BudgetsFile = {
  source: 'b.json',
  budgets: [{ path: '/**', metrics: { LCP: { max: 2500 } } }],
};
const trigger: Trigger = {
  eventName: 'pull_request',
  repository: { owner: 'acme', repo: 'shop' },
  sha: 'abcdef1234567',
  pullNumber: 42,
  fromFork: false,
  runUrl: 'https://github.com/acme/shop/actions/runs/91',
};
const MARKER = commentMarker('vitals-gate');

async function publish(options: { checkRun?: boolean; fromFork?: boolean; withApi?: boolean } = {}) {
  const api =
    options.withApi === false
      ? undefined
      : octokitGitHubApi(
          'ghs_test',
          { owner: github.owner, repo: github.repo },
          { delaysMs: [5, 5], sleep: async () => {}, log },
          github.origin,
        );
  const started = performance.now();
  const published = await publishResults({
    results: gateResults([urlResult('https://shop.example/', [run(0, 3000)], budgets)]),
    files: { resultsPath: 'out/results.json', reportPath: 'out/report.md', outputDir: 'out' },
    trigger: { ...trigger, fromFork: options.fromFork ?? false },
    pullNumber: 42,
    publish: {
      name: 'vitals-gate',
      comment: true,
      checkRun: options.checkRun ?? false,
      uploadArtifact: false,
      mode: 'measure',
    },
    api,
    artifacts: undefined,
    log,
  });
  const ms = performance.now() - started;
  // Whatever happened: the summary keeps the report, says problems in one line each, leaks nothing.
  expect(published.summary).toContain('vitals-gate: fail');
  expect(published.summary).not.toMatch(/<html|<!DOCTYPE|<body/i);
  expectNoInternals(published.summary);
  for (const warning of warnings) {
    expect(warning.split('\n')).toHaveLength(1);
    expect(warning.length).toBeLessThan(400);
  }
  expect(published.summary).not.toContain('ghs_test');
  expect(ms).toBeLessThan(HANG_BOUND_MS);
  return published;
}

const bodies = (issue = 42) => (github.comments.get(issue) ?? []).map((comment) => comment.body);
const ours = () => bodies().filter((body) => body.includes(MARKER) && body.includes('vitals-gate: fail'));

describe('publishing when GitHub misbehaves', () => {
  it('the viewer query fails and another app has a comment with the marker: it is left alone, a new one is posted', async () => {
    github.comments.set(42, [
      { id: 7, body: `${MARKER}\nanother app's report`, user: { login: 'other-app[bot]', type: 'Bot' } },
    ]);
    github.fail('POST', /^\/graphql$/, 502, 3);
    const published = await publish();
    expect(bodies()[0]).toBe(`${MARKER}\nanother app's report`);
    expect(ours()).toHaveLength(1);
    expect(published.commentUrl).toContain('#issuecomment-');
    expect(github.writes().filter((call) => call.method === 'PATCH')).toEqual([]);
  });

  it('the viewer query fails with 401-free errors repeatedly: the gate still comments once', async () => {
    github.fail('POST', /^\/graphql$/, 500, 10);
    await publish();
    expect(ours()).toHaveLength(1);
  });

  it('a person quoting the marker is never edited', async () => {
    github.comments.set(42, [
      { id: 8, body: `${MARKER} quoted by a reviewer`, user: { login: 'mallory', type: 'User' } },
    ]);
    await publish();
    expect(bodies()[0]).toBe(`${MARKER} quoted by a reviewer`);
    expect(ours()).toHaveLength(1);
  });

  it("the gate's own earlier comment is updated in place", async () => {
    github.comments.set(42, [
      { id: 9, body: `${MARKER}\nold`, user: { login: 'github-actions[bot]', type: 'Bot' } },
    ]);
    await publish();
    expect(bodies()).toHaveLength(1);
    expect(ours()).toHaveLength(1);
  });

  it('a comment POST answered 502 after the write landed: found before posting again, no duplicate', async () => {
    github.fail('POST', /\/issues\/42\/comments$/, 502, 1, { html: true, afterWrite: true });
    const published = await publish();
    expect(ours()).toHaveLength(1);
    expect(
      github.calls.filter((call) => call.method === 'POST' && call.url.endsWith('/issues/42/comments')),
    ).toHaveLength(1);
    expect(published.commentUrl).toContain('#issuecomment-');
    expect(warnings).toEqual([]);
  });

  it('a comment POST answered 502 before the write: posted again, once', async () => {
    github.fail('POST', /\/issues\/42\/comments$/, 502, 1);
    await publish();
    expect(ours()).toHaveLength(1);
  });

  it('every comment POST answered with an HTML 502: the status and the page title, not the page', async () => {
    github.fail('POST', /\/issues\/42\/comments$/, 502, 5, { html: true });
    const published = await publish();
    expect(ours()).toEqual([]);
    expect(published.summary).toContain(
      "No comment on #42: comment on #42: HTTP 502: an HTML page titled 'Unicorn! · GitHub'",
    );
  });

  it('listing the comments answers an HTML 503: one line in the summary', async () => {
    github.fail('GET', /\/issues\/42\/comments$/, 503, 5, { html: true });
    const published = await publish();
    expect(published.summary).toContain(
      "list the comments of #42: HTTP 503: an HTML page titled 'Unicorn! · GitHub'",
    );
  });

  it('an invalid or expired token (401): said as such', async () => {
    github.fail('GET', /\/issues\/42\/comments$/, 401, 5);
    const published = await publish();
    expect(published.summary).toContain(
      'No comment on #42: GitHub refused it (HTTP 401): the token is invalid or expired.',
    );
    expect(published.summary).not.toContain('pull-requests: write');
  });

  it('a token without pull-requests: write (403): names the permission', async () => {
    github.fail('POST', /\/issues\/42\/comments$/, 403);
    const published = await publish();
    expect(published.summary).toContain('the token needs `permissions: pull-requests: write`');
  });

  it('a check run refused (403): names checks: write, and the comment is still written', async () => {
    github.fail('POST', /\/check-runs$/, 403);
    const published = await publish({ checkRun: true });
    expect(published.summary).toContain(
      "The check run 'vitals-gate' was not created: GitHub refused it (HTTP 403): the token needs `permissions: checks: write`",
    );
    expect(ours()).toHaveLength(1);
  });

  it('a check run answered with an HTML 500: one line', async () => {
    github.fail('POST', /\/check-runs$/, 500, 5, { html: true });
    const published = await publish({ checkRun: true });
    expect(published.summary).toContain("HTTP 500: an HTML page titled 'Unicorn! · GitHub'");
    expect(github.checkRuns).toEqual([]);
  });

  it('the comment was deleted between listing and updating (404): a warning, not a crash', async () => {
    github.comments.set(42, [
      { id: 9, body: `${MARKER}\nold`, user: { login: 'github-actions[bot]', type: 'Bot' } },
    ]);
    github.fail('PATCH', /\/issues\/comments\/9$/, 404);
    const published = await publish();
    expect(published.summary).toContain('No comment on #42: update comment 9: HTTP 404');
  });

  it('a pull request from a fork: nothing is written, and the summary says why', async () => {
    const published = await publish({ fromFork: true, checkRun: true });
    expect(github.writes()).toEqual([]);
    expect(published.summary).toContain('This pull request comes from a fork, whose token is read-only');
  });

  it('no token: nothing is written, and the summary says so', async () => {
    const published = await publish({ withApi: false });
    expect(github.calls).toEqual([]);
    expect(published.summary).toContain('No github-token: no comment or check run was written.');
  });
});
