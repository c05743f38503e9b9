import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BudgetsFile } from '../../src/budgets/Budgets.js';
import { waitForPreview } from '../../src/collect/waitForPreview.js';
import type { GitHubApi } from '../../src/github/GitHubApi.js';
import { octokitGitHubApi } from '../../src/github/octokitGitHubApi.js';
import { withRetries } from '../../src/github/withRetries.js';
import type { Logger } from '../../src/log/Logger.js';
import { budgetAnnotations } from '../../src/publish/budgetAnnotations.js';
import { findPullRequest } from '../../src/publish/findPullRequest.js';
import { publishResults } from '../../src/publish/publishResults.js';
import { neutralizeStrings, readResultsFile } from '../../src/publish/readResultsFile.js';
import { upsertComment } from '../../src/publish/upsertComment.js';
import { commentMarker } from '../../src/report/renderComment.js';
import type { Trigger } from '../../src/trigger/Trigger.js';
import { type FakeGitHub, startFakeGitHub } from '../helpers/fakeGitHub.js';
import { gateResults, run, urlResult } from '../helpers/fixtures.js';

const lines: string[] = [];
const log: Logger = {
  info: (message) => void lines.push(`info ${message}`),
  warning: (message) => void lines.push(`warning ${message}`),
  debug: () => {},
  group: (_name, fn) => fn(),
};
const sleeps: number[] = [];
const retry = { delaysMs: [10, 20], sleep: async (ms: number) => void sleeps.push(ms), log };

let github: FakeGitHub;
let api: GitHubApi;

beforeEach(async () => {
  lines.length = 0;
  sleeps.length = 0;
  github = await startFakeGitHub();
  api = octokitGitHubApi('ghs_test', { owner: github.owner, repo: github.repo }, retry, github.origin);
});
afterEach(async () => {
  await github.close();
});

const seed = (
  issue: number,
  count: number,
  extra: { body: string; login: string; type: 'Bot' | 'User' }[] = [],
) =>
  github.comments.set(issue, [
    ...Array.from({ length: count }, (_, i) => ({
      id: i + 1,
      body: `review comment ${i + 1}`,
      user: { login: `reviewer${i % 3}`, type: 'User' as const },
    })),
    ...extra.map((c, i) => ({ id: 500 + i, body: c.body, user: { login: c.login, type: c.type } })),
  ]);

describe('the sticky comment', () => {
  it('is created once, then found on the last page and updated in place; other gates keep their own', async () => {
    // 150 comments first (two pages of 100), including a person quoting the marker.
    seed(42, 149, [{ body: `${commentMarker('vitals-gate')} fake`, login: 'mallory', type: 'User' }]);
    const first = await upsertComment(api, 42, 'vitals-gate', `${commentMarker('vitals-gate')}\nfirst`);
    const second = await upsertComment(api, 42, 'vitals-gate', `${commentMarker('vitals-gate')}\nsecond`);
    const other = await upsertComment(api, 42, 'desktop', `${commentMarker('desktop')}\nother gate`);
    expect(first.created).toBe(true);
    expect(second).toEqual({ url: first.url, created: false });
    expect(other.created).toBe(true);
    const ours = (github.comments.get(42) ?? []).filter((c) => c.user.type === 'Bot');
    expect(ours.map((c) => c.body)).toEqual([
      `${commentMarker('vitals-gate')}\nsecond`,
      `${commentMarker('desktop')}\nother gate`,
    ]);
    // mallory's comment was not touched, and every page was read.
    expect(github.comments.get(42)?.find((c) => c.user.login === 'mallory')?.body).toContain('fake');
    expect(github.calls.filter((c) => c.url.includes('/issues/42/comments?')).map((c) => c.url)).toContain(
      '/repos/acme/shop/issues/42/comments?per_page=100&page=2',
    );
    expect(github.calls.find((c) => c.method === 'PATCH')?.headers.authorization).toBe('token ghs_test');
  });

  it('retries a 502 and then succeeds, once', async () => {
    github.fail('POST', /\/issues\/7\/comments$/, 502);
    const comment = await upsertComment(api, 7, 'vitals-gate', 'body');
    expect(comment.created).toBe(true);
    expect(
      github.calls.filter((c) => c.method === 'POST' && c.url.endsWith('/issues/7/comments')),
    ).toHaveLength(2);
    expect(github.comments.get(7)).toHaveLength(1);
    expect(sleeps).toEqual([10]);
  });

  it('gives up after the bounded retries, and does not retry a 403', async () => {
    github.fail('POST', /\/issues\/7\/comments$/, 503, 5);
    await expect(upsertComment(api, 7, 'vitals-gate', 'body')).rejects.toMatchObject({ status: 503 });
    expect(sleeps).toEqual([10, 20]);
    sleeps.length = 0;
    github.fail('POST', /\/issues\/8\/comments$/, 403);
    await expect(upsertComment(api, 8, 'vitals-gate', 'body')).rejects.toMatchObject({ status: 403 });
    expect(sleeps).toEqual([]);
  });
});

describe('findPullRequest', () => {
  it('finds the open PR of a commit, and a fork PR by its head branch', async () => {
    github.pulls.push(
      { number: 42, state: 'open', head: { sha: 'aaa111', ref: 'feature', label: 'acme:feature' } },
      {
        number: 77,
        state: 'open',
        head: { sha: 'bbb222', ref: 'fix', label: 'outsider:fix' },
        fromFork: true,
      },
    );
    expect(await findPullRequest(api, { sha: 'aaa111' })).toBe(42);
    expect(await findPullRequest(api, { sha: 'bbb222' })).toBeUndefined();
    expect(await findPullRequest(api, { sha: 'bbb222', head: 'outsider:fix' })).toBe(77);
    expect(await findPullRequest(api, { sha: 'ccc333', head: 'outsider:fix' })).toBeUndefined();
  });
});

const budgets: BudgetsFile = {
  source: 'b.json',
  budgets: [{ path: '/**', metrics: { LCP: { max: 2500, warn: 2000 } } }],
};
const failing = () =>
  gateResults([
    urlResult('https://shop.example/', [run(0, 2100), run(1, 2200), run(2, 2150)], budgets),
    urlResult('https://shop.example/p', [run(0, 3000), run(1, 3100), run(2, 2900)], budgets),
  ]);

describe('budgetAnnotations', () => {
  it('gives a failure per failing budget and a warning per warning threshold, as plain text', () => {
    expect(budgetAnnotations(failing(), 'vitals-gate')).toEqual([
      {
        level: 'warning',
        title: 'vitals-gate: LCP over its warning threshold on /',
        message: '/: LCP 2,150 ms > 2,000 ms',
      },
      {
        level: 'failure',
        title: 'vitals-gate: LCP over budget on /p',
        message: '/p: LCP 3,000 ms > 2,500 ms',
      },
    ]);
  });
});

describe('publishResults', () => {
  const trigger: Trigger = {
    eventName: 'pull_request',
    repository: { owner: 'acme', repo: 'shop' },
    sha: 'abcdef1234567',
    pullNumber: 42,
    fromFork: false,
    runUrl: 'https://github.com/acme/shop/actions/runs/91',
  };
  const publish = {
    name: 'vitals-gate',
    comment: true,
    checkRun: true,
    uploadArtifact: true,
    mode: 'measure' as const,
  };
  const input = (overrides: Partial<Parameters<typeof publishResults>[0]>) => ({
    results: failing(),
    files: { resultsPath: 'out/results.json', reportPath: 'out/report.md', outputDir: 'out' },
    trigger,
    pullNumber: 42,
    publish,
    api,
    artifacts: undefined,
    log,
    ...overrides,
  });

  it('writes the check run and the comment, linking each other and the artifact', async () => {
    const uploaded: string[][] = [];
    const published = await publishResults(
      input({
        artifacts: {
          upload: async (_name, files) => {
            uploaded.push(files);
            return 5;
          },
          download: async () => {},
        },
      }),
    );
    expect(uploaded).toEqual([['out/results.json', 'out/report.md']]);
    expect(github.checkRuns).toEqual([
      expect.objectContaining({
        name: 'vitals-gate',
        head_sha: 'abcdef1234567',
        status: 'completed',
        conclusion: 'failure',
        details_url: 'https://github.com/acme/shop/actions/runs/91',
        output: expect.objectContaining({ title: 'Over budget' }),
      }),
    ]);
    const body = github.comments.get(42)?.[0]?.body ?? '';
    expect(body).toContain(
      '[results and Lighthouse reports (artifact)](https://github.com/acme/shop/actions/runs/91/artifacts/5)',
    );
    expect(body).toMatch(/\[check run\]\(https:\/\/github.com\/acme\/shop\/runs\/\d+\)/);
    expect(published.commentUrl).toMatch(/^https:\/\/github.com\/acme\/shop\/pull\/42#issuecomment-\d+$/);
    expect(published.reportUrl).toMatch(/\/runs\/\d+$/);
    expect(published.summary).toContain('## ❌ vitals-gate: fail');
  });

  it('on a 403 writes no comment, says why in the summary and a warning, and still returns the report', async () => {
    github.fail('POST', /\/issues\/42\/comments$/, 403);
    github.fail('POST', /\/check-runs$/, 403);
    const published = await publishResults(input({}));
    expect(published.commentUrl).toBeUndefined();
    expect(published.summary).toContain(
      'No comment on #42: GitHub refused it (HTTP 403): the token needs `permissions: pull-requests: write`',
    );
    expect(published.summary).toContain(
      "The check run 'vitals-gate' was not created: GitHub refused it (HTTP 403)",
    );
    expect(published.summary).toContain('## ❌ vitals-gate: fail');
    expect(published.reportUrl).toBe('https://github.com/acme/shop/actions/runs/91');
    expect(lines.filter((line) => line.startsWith('warning'))).toHaveLength(2);
  });

  it('writes nothing to GitHub for a fork, and says so', async () => {
    const published = await publishResults(input({ trigger: { ...trigger, fromFork: true } }));
    expect(github.calls).toEqual([]);
    expect(published.summary).toContain('This pull request comes from a fork, whose token is read-only');
  });
});

describe('withRetries', () => {
  it('retries transient failures only', async () => {
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls < 3) throw Object.assign(new Error('boom'), { status: 500 });
      return 'ok';
    };
    expect(await withRetries('x', flaky, retry)).toBe('ok');
    expect(calls).toBe(3);
    calls = 0;
    const notFound = async () => {
      calls++;
      throw Object.assign(new Error('nope'), { status: 404 });
    };
    await expect(withRetries('x', notFound, retry)).rejects.toThrow('nope');
    expect(calls).toBe(1);
  });
});

describe('waitForPreview', () => {
  const request = { headers: { 'x-bypass': 'h' }, cookies: [{ name: 'sid', value: 'c' }], block: [] };
  const clock = () => {
    let now = 0;
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      now += ms;
    };
    return { now: () => now, sleep, waits };
  };

  it('retries with exponential backoff until the page answers, sending the preview headers', async () => {
    const time = clock();
    const seen: Record<string, string>[] = [];
    const answers = [404, 404, 502, 200];
    await waitForPreview(['https://p.example/'], request, 60_000, {
      ...time,
      log,
      probe: async (_url, headers) => {
        seen.push(headers);
        const status = answers.shift() ?? 200;
        if (status === 502) throw new Error('connect ECONNREFUSED');
        return { status };
      },
    });
    expect(time.waits).toEqual([1000, 2000, 4000]);
    expect(seen[0]).toEqual({ 'x-bypass': 'h', cookie: 'sid=c' });
  });

  it('fails clearly when the preview never answers, with a hint for protected previews', async () => {
    const time = clock();
    await expect(
      waitForPreview(['https://p.example/'], request, 20_000, {
        ...time,
        log,
        probe: async () => ({ status: 401 }),
      }),
    ).rejects.toThrow(
      'The preview did not answer: https://p.example/ last gave HTTP 401 after 6 attempts in 20 s (wait-timeout). A protected preview needs its bypass header or cookie (extra-headers, cookies).',
    );
    expect(time.waits).toEqual([1000, 2000, 4000, 8000, 5000]);
  });
});

describe('readResultsFile (comment-only mode)', () => {
  it('names the file and the field of a malformed results file', async () => {
    const read = (text: string) => readResultsFile('r/results.json', async () => text);
    await expect(read('{')).rejects.toThrow("Results file 'r/results.json' is not valid JSON");
    await expect(read('{"schemaVersion": 2}')).rejects.toThrow(
      "Results file 'r/results.json' is not a vitals-gate results.json: schemaVersion must be 1.",
    );
    const missing = readResultsFile('none.json', async () => {
      throw Object.assign(new Error('x'), { code: 'ENOENT' });
    });
    await expect(missing).rejects.toThrow("Results file 'none.json' does not exist");
  });

  it('reads a real results file and makes its strings inert', async () => {
    const results = failing();
    results.urls[0]?.verdict.problems.push('[click](https://evil.example) @team <img src=x>');
    const read = await readResultsFile('r.json', async () => JSON.stringify(results));
    expect(read.urls[0]?.verdict.problems).toEqual([
      ' click  https://evil.example   team  img src=x '.replace(/ /g, ' '),
    ]);
    expect(read.urls[1]?.url).toBe('https://shop.example/p');
    expect(neutralizeStrings({ n: 2, list: ['`x`'] })).toEqual({ n: 2, list: [' x '] });
  });
});
