import { join } from 'node:path';
import { describeError } from '../errors/UserError.js';
import type { GitHubApi } from '../github/GitHubApi.js';
import { statusOf } from '../github/withRetries.js';
import type { Logger } from '../log/Logger.js';
import { type CommentLinks, renderComment } from '../report/renderComment.js';
import { renderReport } from '../report/renderReport.js';
import type { GateResults } from '../results/GateResults.js';
import type { PublishSettings } from '../settings/PublishSettings.js';
import { artifactName } from '../settings/PublishSettings.js';
import type { Trigger } from '../trigger/Trigger.js';
import { type ArtifactStore, artifactUrl } from './ArtifactStore.js';
import { type Annotation, budgetAnnotations } from './budgetAnnotations.js';
import { upsertComment } from './upsertComment.js';

export interface PublishInput {
  results: GateResults;
  /** The rendered report; rendered from `results` when absent (comment-only mode). */
  markdown?: string;
  files: { resultsPath: string; reportPath?: string; outputDir: string };
  trigger: Trigger;
  pullNumber: number | undefined;
  publish: PublishSettings;
  /** Undefined without a token or repository: nothing is written to GitHub. */
  api: GitHubApi | undefined;
  /** Undefined outside a runner with the artifact service. */
  artifacts: ArtifactStore | undefined;
  /** The artifact name when not `<name>-results` (a shard's `<name>-results-K-of-N`). */
  artifactName?: string;
  log: Logger;
}

export interface Published {
  /** The job summary: the full report, links, and any reason something was not published. */
  summary: string;
  annotations: Annotation[];
  commentUrl?: string;
  /** The check run's page, else the workflow run's page (the job summary). */
  reportUrl?: string;
}

const CONCLUSION = {
  pass: 'success',
  warn: 'neutral',
  fail: 'failure',
  error: 'failure',
  cancelled: 'cancelled',
} as const;
const TITLE = {
  pass: 'Within budget',
  warn: 'Within budget, with warnings',
  fail: 'Over budget',
  error: 'Not every shard was measured',
  cancelled: 'Cancelled: no verdict',
} as const;

/** Why a write was refused, and how to fix it. */
function explain(error: unknown, permission: string): string {
  const status = statusOf(error);
  if (status === 401) {
    return 'GitHub refused it (HTTP 401): the token is invalid or expired. Pass a valid token in github-token (the default github.token is valid for the job).';
  }
  if (status === 403) {
    return `GitHub refused it (HTTP ${status}): the token needs \`permissions: ${permission}\`; a pull request from a fork or Dependabot gets a read-only token (see the README's fork setup).`;
  }
  return describeError(error);
}

/** What the gate wrote: results.json, report.md and the Lighthouse HTML reports. */
function resultFiles(outputDir: string, results: GateResults): string[] {
  const names = new Set(['results.json', 'report.md']);
  for (const url of results.urls) if (url.lighthouse?.reportFile) names.add(url.lighthouse.reportFile);
  return [...names].map((name) => join(outputDir, name));
}

/**
 * Publishes a finished gate: uploads the results folder as an artifact, creates the check run, writes the
 * sticky PR comment, and returns the job summary with links. Each step that fails is logged as a warning
 * and said in the summary; none changes the verdict. Nothing is written for a fork's read-only token.
 */
export async function publishResults(input: PublishInput): Promise<Published> {
  const { results, trigger, publish, api, log } = input;
  const notes: string[] = [];
  const warn = (message: string) => {
    log.warning(message);
    notes.push(`> [!WARNING]\n> ${message}`);
  };
  const links: CommentLinks = trigger.runUrl ? { runUrl: trigger.runUrl } : {};
  const annotations = budgetAnnotations(results, publish.name);

  const uploads = publish.mode === 'measure' || publish.mode === 'merge';
  if (uploads && publish.uploadArtifact && input.artifacts && trigger.runUrl) {
    const name = input.artifactName ?? artifactName(publish);
    try {
      const files = resultFiles(input.files.outputDir, results);
      const id = await input.artifacts.upload(name, files, input.files.outputDir);
      links.artifactUrl = artifactUrl(trigger.runUrl, id);
      log.info(`Uploaded the artifact '${name}' (${files.length} files): ${links.artifactUrl}`);
    } catch (error) {
      warn(`The artifact '${name}' was not uploaded: ${describeError(error)}`);
    }
  }

  const canWrite = Boolean(api) && !trigger.fromFork;
  if (trigger.fromFork && (publish.comment || publish.checkRun)) {
    warn(
      'This pull request comes from a fork, whose token is read-only: no comment or check run was written. The report is in this job summary; the README shows the workflow_run setup that comments on fork pull requests.',
    );
  } else if (!api && (publish.comment || publish.checkRun) && input.pullNumber !== undefined) {
    warn('No github-token: no comment or check run was written.');
  }

  if (publish.checkRun && canWrite && api && trigger.sha) {
    try {
      const status = results.verdict.status;
      const check = await api.createCheckRun({
        name: publish.name,
        headSha: trigger.sha,
        conclusion: CONCLUSION[status],
        title: TITLE[status],
        summary: renderComment(results, { name: publish.name, links, maxLength: 65_535, sha: trigger.sha }),
        ...(trigger.runUrl ? { detailsUrl: trigger.runUrl } : {}),
      });
      links.checkUrl = check.htmlUrl;
      log.info(`Check run '${publish.name}': ${CONCLUSION[status]}`);
    } catch (error) {
      warn(`The check run '${publish.name}' was not created: ${explain(error, 'checks: write')}`);
    }
  }

  let commentUrl: string | undefined;
  if (publish.comment && canWrite && api) {
    if (input.pullNumber === undefined) {
      log.info(`No pull request for this ${trigger.eventName} run: the report is in the job summary only.`);
    } else {
      try {
        const body = renderComment(results, {
          name: publish.name,
          links,
          ...(trigger.sha ? { sha: trigger.sha } : {}),
        });
        const comment = await upsertComment(api, input.pullNumber, publish.name, body, (message) =>
          log.info(message),
        );
        commentUrl = comment.url;
        log.info(
          `${comment.created ? 'Commented on' : 'Updated the comment on'} #${input.pullNumber}: ${comment.url}`,
        );
      } catch (error) {
        warn(`No comment on #${input.pullNumber}: ${explain(error, 'pull-requests: write')}`);
      }
    }
  }

  const linkLine = [
    links.artifactUrl ? `[Results and Lighthouse reports (artifact)](${links.artifactUrl})` : undefined,
    commentUrl ? `[PR comment](${commentUrl})` : undefined,
    links.checkUrl ? `[Check run](${links.checkUrl})` : undefined,
  ].filter(Boolean);
  const summary = [
    ...notes.flatMap((note) => [note, '']),
    input.markdown ?? renderReport(results),
    ...(linkLine.length ? ['', linkLine.join(' · ')] : []),
  ].join('\n');
  const reportUrl = links.checkUrl || trigger.runUrl;
  return {
    summary,
    annotations,
    ...(commentUrl ? { commentUrl } : {}),
    ...(reportUrl ? { reportUrl } : {}),
  };
}
