import type { Trigger } from './Trigger.js';

type Env = Record<string, string | undefined>;
type Json = Record<string, unknown>;

const object = (value: unknown): Json =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
const optional = <K extends string>(key: K, value: string | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;
const integer = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;

/** Netlify's commit status for a deploy preview: context `netlify/<site>/deploy-preview`. */
export const NETLIFY_PREVIEW_CONTEXT = /^netlify\/[^/]+\/deploy-preview$/;

function repositoryOf(env: Env): Trigger['repository'] {
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/');
  return owner && repo && rest.length === 0 ? { owner, repo } : undefined;
}

function runUrlOf(env: Env): string | undefined {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined;
  const attempt =
    env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== '1' ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : '';
  return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${attempt}`;
}

/** `pull_request_target` runs with a write token even for forks (this action never checks out their code). */
function pullRequestTrigger(base: Trigger, payload: Json, writable: boolean): Trigger {
  const pull = object(payload.pull_request);
  const head = object(pull.head);
  const headRepo = object(head.repo);
  const baseRepo = object(object(pull.base).repo);
  const number = integer(pull.number) ?? integer(payload.number);
  const headName = text(headRepo.full_name);
  const trigger: Trigger = {
    ...base,
    // A deleted fork has no head repository: treat it as a fork (the token is read-only all the same).
    fromFork: !writable && (headName === undefined || headName !== text(baseRepo.full_name)),
  };
  if (number) trigger.pullNumber = number;
  const sha = text(head.sha);
  if (sha) trigger.sha = sha;
  const branch = text(head.ref);
  if (branch) trigger.branch = branch;
  if (payload.action === 'closed') trigger.skip = `pull request #${number ?? '?'} was closed`;
  return trigger;
}

/**
 * A deployed commit (deployment_status, status): the PR is looked up from its sha, and the preview is
 * measured only when the deployment succeeded and names its URL.
 */
function deployedTrigger(
  base: Trigger,
  deployed: { sha?: string; branch?: string; state: string; url?: string; what: string; urlField: string },
): Trigger {
  const trigger: Trigger = { ...base };
  if (deployed.sha) {
    trigger.sha = deployed.sha;
    trigger.lookupPull = { sha: deployed.sha };
  }
  if (deployed.branch) trigger.branch = deployed.branch;
  if (deployed.state !== 'success') {
    trigger.skip = `${deployed.what} is '${deployed.state}', not 'success'`;
  } else if (!deployed.url) {
    trigger.skip = `the successful ${deployed.what} has no ${deployed.urlField}`;
  } else {
    trigger.previewUrl = deployed.url;
  }
  return trigger;
}

function deploymentTrigger(base: Trigger, payload: Json): Trigger {
  const status = object(payload.deployment_status);
  const deployment = object(payload.deployment);
  return deployedTrigger(base, {
    ...optional('sha', text(deployment.sha)),
    ...optional('branch', text(deployment.ref)),
    state: text(status.state) ?? 'unknown',
    ...optional('url', text(status.environment_url)),
    what: 'deployment status',
    urlField: 'environment_url',
  });
}

function statusTrigger(base: Trigger, payload: Json): Trigger {
  const context = text(payload.context) ?? '';
  if (!NETLIFY_PREVIEW_CONTEXT.test(context)) {
    return {
      ...base,
      skip: `status '${context}' is not a Netlify deploy preview (netlify/<site>/deploy-preview)`,
    };
  }
  const branches = Array.isArray(payload.branches) ? payload.branches : [];
  return deployedTrigger(base, {
    ...optional('sha', text(payload.sha)),
    ...optional('branch', text(object(branches[0]).name)),
    state: text(payload.state) ?? 'unknown',
    ...optional('url', text(payload.target_url)),
    what: 'Netlify deploy preview status',
    urlField: 'target_url',
  });
}

function workflowRunTrigger(base: Trigger, payload: Json): Trigger {
  const run = object(payload.workflow_run);
  const trigger: Trigger = { ...base };
  const id = integer(run.id);
  if (id) trigger.measuringRunId = id;
  const sha = text(run.head_sha);
  const branch = text(run.head_branch);
  if (sha) trigger.sha = sha;
  if (branch) trigger.branch = branch;
  // Runs in the base repository with its own token: writable even when the measured PR is a fork's.
  const headRepo = object(run.head_repository);
  // workflow_run.pull_requests is empty for forks: the PR is then found from the head sha.
  const pulls = Array.isArray(run.pull_requests) ? run.pull_requests : [];
  const number = integer(object(pulls[0]).number);
  if (number) trigger.pullNumber = number;
  else if (sha) {
    const owner = text(object(headRepo.owner).login);
    trigger.lookupPull = { sha, ...(owner && branch ? { head: `${owner}:${branch}` } : {}) };
  }
  if (run.conclusion === 'cancelled' || run.conclusion === 'skipped') {
    trigger.skip = `the measuring run was ${String(run.conclusion)}`;
  }
  return trigger;
}

/**
 * Reads the event (`GITHUB_EVENT_NAME` and the payload of `GITHUB_EVENT_PATH`) into a Trigger. Pure; an
 * unknown event is measured as given by the inputs, with no pull request.
 */
export function resolveTrigger(env: Env, payload: unknown): Trigger {
  const eventName = env.GITHUB_EVENT_NAME ?? 'local';
  const base: Trigger = { eventName, fromFork: false };
  const repository = repositoryOf(env);
  if (repository) base.repository = repository;
  const runUrl = runUrlOf(env);
  if (runUrl) base.runUrl = runUrl;
  if (env.GITHUB_SHA) base.sha = env.GITHUB_SHA;
  if (env.GITHUB_REF_NAME) base.branch = env.GITHUB_REF_NAME;
  const data = object(payload);
  switch (eventName) {
    case 'pull_request':
      return pullRequestTrigger(base, data, false);
    case 'pull_request_target':
      return pullRequestTrigger(base, data, true);
    case 'deployment_status':
      return deploymentTrigger(base, data);
    case 'status':
      return statusTrigger(base, data);
    case 'workflow_run':
      return workflowRunTrigger(base, data);
    default:
      return base;
  }
}
