import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSite, startExampleSite } from '../../src/demo/exampleSite.js';
import { type FakeGitHub, startFakeGitHub } from '../helpers/fakeGitHub.js';
import { node, parseOutputs, runnerStep } from '../helpers/runner.js';
import { readZip, writeZip } from '../helpers/zip.js';

// The bundled action run as the runner runs it, for each trigger, against a loopback GitHub that speaks
// the REST endpoints used (comments with pagination, pulls by sha, check runs, artifact downloads) and
// the artifact upload service, and records every call.
const dist = new URL('../../dist/', import.meta.url);
const HEAD_SHA = '4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39';
const FORK_SHA = '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d';
const SECRET = 'bypass-s3cret-4711';
let site: RunningSite;
let workspace: string;
let github: FakeGitHub;

beforeAll(async () => {
  site = await startExampleSite();
  workspace = await mkdtemp(join(tmpdir(), 'vitals-gate-github-'));
  await cp(dist, join(workspace, 'action', 'dist'), { recursive: true });
});
afterAll(async () => {
  await site?.close();
  await rm(workspace, { recursive: true, force: true });
});
beforeEach(async () => {
  github = await startFakeGitHub();
  github.pulls.push(
    {
      number: 42,
      state: 'open',
      head: { sha: HEAD_SHA, ref: 'feature/lazy-hero', label: 'acme:feature/lazy-hero' },
    },
    {
      number: 77,
      state: 'open',
      head: { sha: FORK_SHA, ref: 'fix-cls', label: 'outsider:fix-cls' },
      fromFork: true,
    },
  );
});
afterEach(async () => {
  await github.close();
});

/** A runtime token like the runner's: a JWT whose scope names the run and job of the results service. */
const runtimeToken = () => {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: 'Actions.GenericRead Actions.Results:run-1:job-1' })}.x`;
};

let steps = 0;

/** Runs dist/index.js for `event` (a fixture payload) with the given inputs. */
async function runStep(eventName: string, fixture: string, inputs: Record<string, string>, budgets?: string) {
  const payload = (
    await readFile(new URL(`../fixtures/events/${fixture}.json`, import.meta.url), 'utf8')
  ).replaceAll('PREVIEW_URL', `${site.origin}/`);
  const name = `${fixture}-${++steps}`;
  const step = await runnerStep(
    workspace,
    name,
    {
      device: 'desktop',
      throttling: 'none',
      lighthouse: 'false',
      runs: '1',
      'github-token': 'ghs_workflowtoken',
      ...(budgets ? { budgets: 'budgets.json' } : {}),
      ...inputs,
    },
    {
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: join(workspace, name, 'event.json'),
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_SHA: 'ffffffffffffffffffffffffffffffffffffffff',
      GITHUB_REF_NAME: 'main',
      GITHUB_RUN_ID: '9100000001',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_API_URL: github.origin,
      GITHUB_WORKSPACE: join(workspace, name),
      ACTIONS_RUNTIME_TOKEN: runtimeToken(),
      ACTIONS_RESULTS_URL: `${github.origin}/`,
    },
  );
  await writeFile(join(step.dir, 'event.json'), payload);
  if (budgets) await writeFile(join(step.dir, 'budgets.json'), budgets);
  const child = await node([join(workspace, 'action', 'dist', 'index.js')], {
    cwd: step.dir,
    env: step.env,
    timeoutMs: 120_000,
  });
  return {
    ...child,
    dir: step.dir,
    log: child.stdout + child.stderr,
    summary: await readFile(step.files.summary, 'utf8'),
    outputs: parseOutputs(await readFile(step.files.output, 'utf8')),
  };
}

const OVER = '{"budgets":[{"path":"/**","metrics":{"LCP":{"max":1}}}]}';
const WITHIN = '{"budgets":[{"path":"/**","metrics":{"LCP":{"max":60000}}}]}';
const restWrites = () => github.writes().filter((call) => call.url.startsWith('/repos/'));

describe('the action on GitHub (bundled, against a recorded-format GitHub)', () => {
  it('pull_request: two runs leave one comment, updated in place; check run, artifact, annotations, masked secrets', async () => {
    // Busy PR: 120 comments before ours, so it lands on page 2.
    github.comments.set(
      42,
      Array.from({ length: 120 }, (_, i) => ({
        id: i + 1,
        body: `comment ${i + 1}`,
        user: { login: 'reviewer', type: 'User' as const },
      })),
    );
    github.fail('POST', /\/issues\/42\/comments$/, 502); // one server error, then it works
    const inputs = {
      urls: '/?imageDelay=0&vendorPixel=1',
      'base-url': site.origin,
      'check-run': 'true',
      name: 'perf',
      'extra-headers': `x-preview-bypass: ${SECRET}`,
    };
    const first = await runStep('pull_request', 'pull_request', inputs, OVER);
    expect(first.status, first.log).toBe(1);
    const second = await runStep('pull_request', 'pull_request', inputs, OVER);
    expect(second.status, second.log).toBe(1);

    const ours = (github.comments.get(42) ?? []).filter((comment) => comment.user.type === 'Bot');
    expect(ours).toHaveLength(1);
    expect(
      github.calls.filter((c) => c.method === 'POST' && c.url.endsWith('/issues/42/comments')),
    ).toHaveLength(2);
    expect(github.calls.filter((c) => c.method === 'PATCH')).toHaveLength(1);
    const body = ours[0]?.body ?? '';
    expect(body.startsWith('<!-- vitals-gate:perf -->\n## ❌ vitals-gate: fail')).toBe(true);
    expect(body).toContain('Measured at 4f2a9c1');
    expect(body).toMatch(
      /\[results and Lighthouse reports \(artifact\)\]\(https:\/\/github\.com\/acme\/shop\/actions\/runs\/9100000001\/artifacts\/\d+\)/,
    );

    // The check run on the PR head (not the merge commit), with a stable name.
    expect(github.checkRuns).toHaveLength(2);
    expect(github.checkRuns[0]).toMatchObject({ name: 'perf', head_sha: HEAD_SHA, conclusion: 'failure' });

    expect(second.outputs).toMatchObject({
      result: 'fail',
      'comment-url': expect.stringMatching(/^https:\/\/github\.com\/acme\/shop\/pull\/42#issuecomment-\d+$/),
      'report-url': expect.stringMatching(/^https:\/\/github\.com\/acme\/shop\/runs\/\d+$/),
    });
    expect(
      second.stdout
        .split('\n')
        .filter((l) => l.startsWith('::error'))
        .join('\n'),
    ).toMatch(/::error title=perf%3A LCP over budget on \/?.*::\/.*LCP [\d,]+ ms > 1 ms/);

    // The artifact: results and report, uploaded through the results service.
    const zip = readZip(github.uploads.get('perf-results') ?? Buffer.alloc(0));
    expect(Object.keys(zip).sort()).toEqual(['report.md', 'results.json']);

    // The bypass header reached the preview, and nothing else: not the log, summary, comment, artifact.
    expect(site.received().some((request) => request.headers['x-preview-bypass'] === SECRET)).toBe(true);
    expect(
      site
        .received()
        .filter((r) => r.host.startsWith('localhost') && JSON.stringify(r.headers).includes(SECRET)),
    ).toEqual([]);
    // In the log only in the runner's mask command (the runner shows *** wherever it would appear).
    const leaks = (text: string) => text.split('\n').filter((line) => line.includes(SECRET));
    expect(leaks(second.log)).toEqual([`::add-mask::${SECRET}`]);
    for (const text of [second.summary, body, ...Object.values(zip).map(String)])
      expect(leaks(text)).toEqual([]);
    expect(JSON.parse(String(zip['results.json'])).settings.request.headers).toEqual({
      'x-preview-bypass': '***',
    });
  });

  it('a 403 on the comment: the verdict stands, the summary carries the report and says why', async () => {
    github.fail('POST', /\/issues\/42\/comments$/, 403);
    const step = await runStep(
      'pull_request',
      'pull_request',
      { urls: `${site.origin}/?imageDelay=0` },
      WITHIN,
    );
    expect(step.status, step.log).toBe(0);
    expect(step.outputs.result).toBe('pass');
    expect(step.outputs['comment-url']).toBeUndefined();
    expect(step.stdout).toContain('::warning::No comment on #42: GitHub refused it (HTTP 403)');
    expect(step.summary).toContain('No comment on #42: GitHub refused it (HTTP 403)');
    expect(step.summary).toContain('## ✅ vitals-gate: pass');
  });

  it('a fork pull request: measured and uploaded, but nothing written with its read-only token', async () => {
    const step = await runStep(
      'pull_request',
      'pull_request_fork',
      { urls: `${site.origin}/?imageDelay=0` },
      OVER,
    );
    expect(step.status, step.log).toBe(1);
    expect(restWrites()).toEqual([]);
    expect(step.summary).toContain('This pull request comes from a fork, whose token is read-only');
    expect(github.uploads.has('vitals-gate-results')).toBe(true);
  });

  it('workflow_run (comment-only): downloads the fork run results and comments on the PR found by head sha', async () => {
    const results = JSON.parse(
      await readFile(
        join(workspace, (await measuredFork()).dir, 'vitals-gate-results', 'results.json'),
        'utf8',
      ),
    );
    results.urls[0].verdict.problems.push('[phish](https://evil.example) @acme/admins <img src=x>');
    github.runArtifacts.set(9100000077, [
      {
        id: 31337,
        name: 'vitals-gate-results',
        zip: writeZip({ 'results.json': JSON.stringify(results), 'report.md': '# r' }),
      },
    ]);
    const step = await runStep('workflow_run', 'workflow_run_fork', {
      mode: 'comment-only',
      'check-run': 'true',
    });
    // comment-only fails the step on a failing verdict, so the commenting job can be the required check.
    expect(step.status, step.log).toBe(1);
    expect(step.outputs.result).toBe('fail');
    const body = github.comments.get(77)?.[0]?.body ?? '';
    expect(body, step.log).toContain('## ❌ vitals-gate: fail');
    expect(body).not.toMatch(/\]\(https:\/\/evil|@acme\/admins|<img/);
    expect(github.checkRuns[0]).toMatchObject({ head_sha: FORK_SHA, conclusion: 'failure' });
    expect(github.calls.map((c) => c.url)).toContain(
      '/repos/acme/shop/pulls?head=outsider%3Afix-cls&state=open&per_page=100',
    );
  });

  it('deployment_status: measures environment_url and comments on the PR of the deployed sha; skips a failure', async () => {
    const step = await runStep('deployment_status', 'deployment_status', { urls: '/?imageDelay=0' }, WITHIN);
    expect(step.status, step.log).toBe(0);
    expect(step.log).toContain(`preview ${site.origin}/`);
    expect(github.comments.get(42)?.[0]?.body).toContain('## ✅ vitals-gate: pass');
    expect(github.calls.some((c) => c.url === `/repos/acme/shop/commits/${HEAD_SHA}/pulls`)).toBe(true);

    const failed = await runStep('deployment_status', 'deployment_status_failure', {});
    expect(failed.status, failed.log).toBe(0);
    expect(failed.outputs.result).toBe('skipped');
    expect(failed.stdout).toContain(
      "nothing to measure for this deployment_status event: deployment status is 'failure'",
    );
  });

  it("status from Netlify: measures the deploy preview's target_url", async () => {
    const step = await runStep(
      'status',
      'status_netlify',
      { urls: '/?imageDelay=0', comment: 'false' },
      WITHIN,
    );
    expect(step.status, step.log).toBe(0);
    expect(step.log).toContain(`preview ${site.origin}/`);
    expect(step.summary).toContain('## ✅ vitals-gate: pass');
    expect(restWrites()).toEqual([]);
  });
});

let forkRun: Awaited<ReturnType<typeof runStep>> | undefined;
/** The fork's measuring run, made once for the comment-only test. */
async function measuredFork() {
  forkRun ??= await runStep(
    'pull_request',
    'pull_request_fork',
    { urls: `${site.origin}/?imageDelay=0` },
    OVER,
  );
  return { dir: forkRun.dir.slice(workspace.length + 1) };
}
