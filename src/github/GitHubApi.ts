/** A comment on an issue or pull request, as much of it as the gate reads. */
export interface IssueComment {
  id: number;
  body: string;
  /** The author's login as REST gives it (`github-actions[bot]` for the workflow token). */
  author: string;
  /** `Bot` for app and workflow tokens, `User` for people. */
  authorType: string;
  htmlUrl: string;
}

export interface PullRef {
  number: number;
  state: string;
  headSha: string;
}

export interface CheckRunInput {
  name: string;
  headSha: string;
  conclusion: 'success' | 'neutral' | 'failure' | 'cancelled';
  title: string;
  /** Markdown, at most 65,535 characters. */
  summary: string;
  detailsUrl?: string;
}

/**
 * The few GitHub REST calls the gate makes, for one repository. Implementations throw a GitHubApiError
 * carrying the HTTP status.
 */
export interface GitHubApi {
  /** The login the token acts as (GraphQL `viewer`: `github-actions` for the workflow token), or undefined. */
  ownLogin(): Promise<string | undefined>;
  /** Every comment of the issue or pull request, all pages. */
  listComments(issue: number): Promise<IssueComment[]>;
  /** A retry after a failed POST first looks for a comment with this body: the failed POST may have landed. */
  createComment(issue: number, body: string): Promise<IssueComment>;
  updateComment(id: number, body: string): Promise<IssueComment>;
  /** Pull requests whose head is this commit (`GET /commits/{sha}/pulls`). */
  pullsForCommit(sha: string): Promise<PullRef[]>;
  /** Open pull requests from a head `owner:branch` (works for forks). */
  pullsForHead(head: string): Promise<PullRef[]>;
  createCheckRun(input: CheckRunInput): Promise<{ htmlUrl: string }>;
}

export class GitHubApiError extends Error {
  override name = 'GitHubApiError';
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
  }
}
