/** What the event that started the workflow means for the gate. */
export interface Trigger {
  /** `pull_request`, `workflow_dispatch`, `deployment_status`, `status`, `workflow_run`, … */
  eventName: string;
  /** The repository the run belongs to (`GITHUB_REPOSITORY`). */
  repository?: { owner: string; repo: string };
  /** The commit measured and reported on (a PR's head, the deployed sha), not the merge commit. */
  sha?: string;
  /** The head branch, when the event names it. */
  branch?: string;
  /** The pull request, when the event names it. */
  pullNumber?: number;
  /**
   * Set when the pull request must be looked up from the commit (deployments, statuses, fork
   * workflow_runs): `head` is `owner:branch` when known, to search open PRs by head too.
   */
  lookupPull?: { sha: string; head?: string };
  /** The preview URL the event carries (deployment_status `environment_url`, Netlify's `target_url`). */
  previewUrl?: string;
  /** A pull request from a fork: its token is read-only, so nothing is written to GitHub. */
  fromFork: boolean;
  /** Set when this event needs no measurement (a failed deployment, another status); says why. */
  skip?: string;
  /** workflow_run: the run that measured, whose artifact comment-only mode reads. */
  measuringRunId?: number;
  /** The page of this workflow run, where its job summary is shown. */
  runUrl?: string;
}
