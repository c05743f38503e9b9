import { getOctokit } from '@actions/github';
import { describeApiError } from './describeApiError.js';
import {
  type CheckRunInput,
  type GitHubApi,
  GitHubApiError,
  type IssueComment,
  type PullRef,
} from './GitHubApi.js';
import { type RetryOptions, statusOf, withRetries } from './withRetries.js';

interface RestComment {
  id: number;
  body?: string | null;
  html_url: string;
  user?: { login?: string; type?: string } | null;
}

interface RestPull {
  number: number;
  state: string;
  head: { sha: string };
}

const toComment = (comment: RestComment): IssueComment => ({
  id: comment.id,
  body: comment.body ?? '',
  author: comment.user?.login ?? '',
  authorType: comment.user?.type ?? '',
  htmlUrl: comment.html_url,
});

const toPull = (pull: RestPull): PullRef => ({
  number: pull.number,
  state: pull.state,
  headSha: pull.head.sha,
});

/**
 * The GitHub REST API through `@actions/github`'s Octokit (GITHUB_API_URL, the runner's proxy settings),
 * with transient failures (5xx, 429, network) retried (a comment is looked for before it is posted again);
 * errors carry the HTTP status and a one-line reason (an HTML error page is reduced to its title).
 */
export function octokitGitHubApi(
  token: string,
  repository: { owner: string; repo: string },
  retry: RetryOptions,
  apiUrl?: string,
): GitHubApi {
  const octokit = getOctokit(token, apiUrl ? { baseUrl: apiUrl } : {});
  const call = async <T>(what: string, request: () => Promise<T>): Promise<T> => {
    try {
      return await withRetries(what, request, retry);
    } catch (error) {
      throw new GitHubApiError(`${what}: ${describeApiError(error)}`, statusOf(error));
    }
  };
  const repo = repository;
  const api: GitHubApi = {
    ownLogin: async () => {
      try {
        const result = await call('read the token login', () =>
          octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }'),
        );
        return result.viewer.login;
      } catch {
        return undefined;
      }
    },
    listComments: (issue) =>
      call(`list the comments of #${issue}`, async () => {
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
          ...repo,
          issue_number: issue,
          per_page: 100,
        });
        return (comments as RestComment[]).map(toComment);
      }),
    // A POST that failed may still have landed (a 502 after the write): before posting again, look for
    // a comment with exactly this body, so a retry never duplicates the comment.
    createComment: (issue, body) => {
      let attempts = 0;
      return call(`comment on #${issue}`, async () => {
        if (attempts++ > 0) {
          const landed = (await api.listComments(issue)).find((comment) => comment.body === body);
          if (landed) return landed;
        }
        const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body });
        return toComment(data as RestComment);
      });
    },
    updateComment: (id, body) =>
      call(`update comment ${id}`, async () => {
        const { data } = await octokit.rest.issues.updateComment({ ...repo, comment_id: id, body });
        return toComment(data as RestComment);
      }),
    pullsForCommit: (sha) =>
      call(`find the pull request of ${sha.slice(0, 7)}`, async () => {
        const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
          ...repo,
          commit_sha: sha,
        });
        return (data as RestPull[]).map(toPull);
      }),
    pullsForHead: (head) =>
      call(`find the pull request from ${head}`, async () => {
        const { data } = await octokit.rest.pulls.list({ ...repo, head, state: 'open', per_page: 100 });
        return (data as RestPull[]).map(toPull);
      }),
    createCheckRun: (input: CheckRunInput) =>
      call(`create the check run '${input.name}'`, async () => {
        const { data } = await octokit.rest.checks.create({
          ...repo,
          name: input.name,
          head_sha: input.headSha,
          status: 'completed',
          conclusion: input.conclusion,
          ...(input.detailsUrl ? { details_url: input.detailsUrl } : {}),
          output: {
            title: input.title,
            summary: input.summary,
          },
        });
        return { htmlUrl: data.html_url ?? '' };
      }),
  };
  return api;
}
