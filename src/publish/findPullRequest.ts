import type { GitHubApi } from '../github/GitHubApi.js';

/**
 * The open pull request whose head is `sha`: first from the commit (`/commits/{sha}/pulls`), then, for a
 * fork whose commit the base repository does not list, from the head `owner:branch`. Undefined when the
 * commit belongs to no open pull request (a push to a branch without one).
 */
export async function findPullRequest(
  api: GitHubApi,
  lookup: { sha: string; head?: string },
): Promise<number | undefined> {
  const byCommit = (await api.pullsForCommit(lookup.sha)).filter((pull) => pull.state === 'open');
  const exact = byCommit.find((pull) => pull.headSha === lookup.sha) ?? byCommit[0];
  if (exact) return exact.number;
  if (!lookup.head) return undefined;
  const byHead = await api.pullsForHead(lookup.head);
  return byHead.find((pull) => pull.headSha === lookup.sha)?.number;
}
