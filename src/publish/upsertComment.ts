import type { GitHubApi, IssueComment } from '../github/GitHubApi.js';
import { commentMarker } from '../report/renderComment.js';

export interface UpsertedComment {
  url: string;
  /** Whether a new comment was created (false: the gate's earlier comment was updated in place). */
  created: boolean;
}

/**
 * The gate's own earlier comment: it carries this gate's marker and is written by the token's own user
 * (`login` or `login[bot]`). Without a login (the viewer query failed) no comment is provably the
 * token's own, so none is returned: another app's comment carrying the marker is never taken over.
 * Searches every page of comments.
 */
export function findOwnComment(
  comments: readonly IssueComment[],
  name: string,
  login: string | undefined,
): IssueComment | undefined {
  if (!login) return undefined;
  const marker = commentMarker(name);
  return comments.find(
    (comment) =>
      comment.body.includes(marker) && (comment.author === login || comment.author === `${login}[bot]`),
  );
}

/**
 * Updates the gate's comment on the pull request in place, or creates it: one comment per PR and gate.
 * When the viewer query fails, a new comment is posted rather than editing one that may not be the
 * token's (a failed POST is not duplicated: see GitHubApi.createComment).
 */
export async function upsertComment(
  api: GitHubApi,
  pullNumber: number,
  name: string,
  body: string,
  log?: (message: string) => void,
): Promise<UpsertedComment> {
  const login = await api.ownLogin();
  const existing = findOwnComment(await api.listComments(pullNumber), name, login);
  if (existing) {
    const updated = await api.updateComment(existing.id, body);
    return { url: updated.htmlUrl || existing.htmlUrl, created: false };
  }
  if (!login) {
    log?.(
      "Could not read the token's login (GraphQL viewer): posting a new comment rather than editing one that may belong to another app.",
    );
  }
  const created = await api.createComment(pullNumber, body);
  return { url: created.htmlUrl, created: true };
}
