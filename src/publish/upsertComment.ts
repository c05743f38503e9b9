import type { GitHubApi, IssueComment } from '../github/GitHubApi.js';
import { commentMarker } from '../report/renderComment.js';

export interface UpsertedComment {
  url: string;
  /** Whether a new comment was created (false: the gate's earlier comment was updated in place). */
  created: boolean;
}

/**
 * The gate's own earlier comment: it carries this gate's marker and is written by the token's own user
 * (`login` or `login[bot]`; any bot when the login is unknown), so a person quoting the marker cannot take
 * the comment over. Searches every page of comments.
 */
export function findOwnComment(
  comments: readonly IssueComment[],
  name: string,
  login: string | undefined,
): IssueComment | undefined {
  const marker = commentMarker(name);
  return comments.find(
    (comment) =>
      comment.body.includes(marker) &&
      (login ? comment.author === login || comment.author === `${login}[bot]` : comment.authorType === 'Bot'),
  );
}

/** Updates the gate's comment on the pull request in place, or creates it: one comment per PR and gate. */
export async function upsertComment(
  api: GitHubApi,
  pullNumber: number,
  name: string,
  body: string,
): Promise<UpsertedComment> {
  const login = await api.ownLogin();
  const existing = findOwnComment(await api.listComments(pullNumber), name, login);
  if (existing) {
    const updated = await api.updateComment(existing.id, body);
    return { url: updated.htmlUrl || existing.htmlUrl, created: false };
  }
  const created = await api.createComment(pullNumber, body);
  return { url: created.htmlUrl, created: true };
}
