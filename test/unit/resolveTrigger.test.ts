import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveTrigger } from '../../src/trigger/resolveTrigger.js';

const event = (name: string, preview = 'https://shop-git-feature-lazy-hero-acme.vercel.app') =>
  JSON.parse(
    readFileSync(new URL(`../fixtures/events/${name}.json`, import.meta.url), 'utf8').replaceAll(
      'PREVIEW_URL',
      preview,
    ),
  );

const env = (eventName: string) => ({
  GITHUB_EVENT_NAME: eventName,
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_SHA: 'ffffffffffffffffffffffffffffffffffffffff',
  GITHUB_REF_NAME: '42/merge',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '9100000001',
  GITHUB_RUN_ATTEMPT: '2',
});

describe('resolveTrigger', () => {
  it('pull_request: the PR, its head sha (not the merge commit) and branch; the run page', () => {
    expect(resolveTrigger(env('pull_request'), event('pull_request'))).toEqual({
      eventName: 'pull_request',
      repository: { owner: 'acme', repo: 'shop' },
      sha: '4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39',
      branch: 'feature/lazy-hero',
      pullNumber: 42,
      fromFork: false,
      runUrl: 'https://github.com/acme/shop/actions/runs/9100000001/attempts/2',
    });
  });

  it('pull_request from a fork: marked, so nothing is written with its read-only token', () => {
    const trigger = resolveTrigger(env('pull_request'), event('pull_request_fork'));
    expect(trigger).toMatchObject({ pullNumber: 77, fromFork: true, branch: 'fix-cls' });
    // pull_request_target runs with a write token, also for forks.
    expect(resolveTrigger(env('pull_request_target'), event('pull_request_fork')).fromFork).toBe(false);
  });

  it('a closed pull request needs no measurement', () => {
    const payload = { ...event('pull_request'), action: 'closed' };
    expect(resolveTrigger(env('pull_request'), payload).skip).toBe('pull request #42 was closed');
  });

  it('deployment_status success: environment_url is the preview; the PR is looked up from the sha', () => {
    const trigger = resolveTrigger(env('deployment_status'), event('deployment_status'));
    expect(trigger).toMatchObject({
      previewUrl: 'https://shop-git-feature-lazy-hero-acme.vercel.app',
      sha: '4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39',
      lookupPull: { sha: '4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39' },
      branch: 'feature/lazy-hero',
    });
    expect(trigger.skip).toBeUndefined();
    expect(trigger.pullNumber).toBeUndefined();
  });

  it('deployment_status other than success is skipped, saying why', () => {
    expect(resolveTrigger(env('deployment_status'), event('deployment_status_failure')).skip).toBe(
      "deployment status is 'failure', not 'success'",
    );
  });

  it("status: Netlify's deploy-preview context gives the preview; other contexts and states are skipped", () => {
    const netlify = event('status_netlify', 'https://deploy-preview-42--acme-shop.netlify.app');
    expect(resolveTrigger(env('status'), netlify)).toMatchObject({
      previewUrl: 'https://deploy-preview-42--acme-shop.netlify.app',
      lookupPull: { sha: '4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39' },
      branch: 'feature/lazy-hero',
    });
    expect(resolveTrigger(env('status'), { ...netlify, context: 'ci/circleci: build' }).skip).toBe(
      "status 'ci/circleci: build' is not a Netlify deploy preview (netlify/<site>/deploy-preview)",
    );
    expect(resolveTrigger(env('status'), { ...netlify, state: 'pending' }).skip).toBe(
      "Netlify deploy preview status is 'pending', not 'success'",
    );
  });

  it('workflow_run from a fork: the measuring run, and the PR looked up by head sha and owner:branch', () => {
    expect(resolveTrigger(env('workflow_run'), event('workflow_run_fork'))).toMatchObject({
      measuringRunId: 9100000077,
      sha: '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d',
      // The workflow_run workflow runs with the base repository's token: it may write.
      fromFork: false,
      lookupPull: { sha: '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d', head: 'outsider:fix-cls' },
    });
  });

  it('workflow_dispatch: the inputs decide; the commit and branch of the run, no pull request', () => {
    expect(resolveTrigger(env('workflow_dispatch'), event('workflow_dispatch'))).toEqual({
      eventName: 'workflow_dispatch',
      repository: { owner: 'acme', repo: 'shop' },
      sha: 'ffffffffffffffffffffffffffffffffffffffff',
      branch: '42/merge',
      fromFork: false,
      runUrl: 'https://github.com/acme/shop/actions/runs/9100000001/attempts/2',
    });
  });

  it('outside Actions (no event): a local run', () => {
    expect(resolveTrigger({}, undefined)).toEqual({ eventName: 'local', fromFork: false });
  });
});
