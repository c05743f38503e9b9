import { join } from 'node:path';
import { describeError, UserError } from '../errors/UserError.js';
import { cancelOnSignals, type SignalSource } from '../gate/cancelOnSignals.js';
import type { GateDeps } from '../gate/runGate.js';
import { runPlanned } from '../gate/runPlanned.js';
import type { GitHubApi } from '../github/GitHubApi.js';
import { mergeResults } from '../merge/mergeResults.js';
import { readShardParts } from '../merge/readShardParts.js';
import { shardCount } from '../merge/shardCount.js';
import type { ArtifactStore } from '../publish/ArtifactStore.js';
import { findPullRequest } from '../publish/findPullRequest.js';
import { publishResults } from '../publish/publishResults.js';
import { readResultsFile } from '../publish/readResultsFile.js';
import { renderReport } from '../report/renderReport.js';
import type { GateResults } from '../results/GateResults.js';
import { writeOutputs } from '../results/writeOutputs.js';
import { INPUT_DEFINITIONS } from '../settings/inputDefinitions.js';
import { artifactName, type PublishSettings } from '../settings/PublishSettings.js';
import { parsePublishSettings } from '../settings/parsePublishSettings.js';
import { parseSettings, readDefaulted, secretValues } from '../settings/parseSettings.js';
import { shardArtifactName } from '../shard/parseShard.js';
import { resolveTrigger } from '../trigger/resolveTrigger.js';
import type { Trigger } from '../trigger/Trigger.js';
import type { ActionsIo } from './ActionsIo.js';
import { downloadShards } from './downloadShards.js';
import { planStep } from './planStep.js';

/** Everything the action does I/O with beyond the gate itself, passed in. */
export interface ActionDeps {
  /** Inputs, outputs, secrets, job summary and log lines of the runner. */
  io: ActionsIo;
  /** The runner's environment (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_REPOSITORY, …). */
  env: Record<string, string | undefined>;
  gate(): GateDeps;
  github(token: string, repository: { owner: string; repo: string }): GitHubApi;
  artifacts(): ArtifactStore;
  /** Where the runner's cancel (SIGINT, then SIGTERM) arrives: `process` unless a test gives its own. */
  signals?: SignalSource;
}

/** Inputs whose values are secrets: logged as `***`. */
const SECRET_INPUTS = new Set(['crux-api-key', 'extra-headers', 'cookies', 'github-token']);

async function readPayload(env: ActionDeps['env'], gate: GateDeps): Promise<unknown> {
  if (!env.GITHUB_EVENT_PATH) return {};
  try {
    return JSON.parse(await gate.readText(env.GITHUB_EVENT_PATH));
  } catch (error) {
    gate.log.warning(`Could not read the event payload ${env.GITHUB_EVENT_PATH}: ${describeError(error)}`);
    return {};
  }
}

function describeTrigger(trigger: Trigger, pullNumber: number | undefined): string {
  return [
    `Event: ${trigger.eventName}`,
    trigger.sha ? `commit ${trigger.sha.slice(0, 7)}` : undefined,
    pullNumber ? `pull request #${pullNumber}` : 'no pull request',
    trigger.previewUrl ? `preview ${trigger.previewUrl}` : undefined,
    trigger.fromFork ? 'from a fork (read-only token)' : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

interface Measured {
  results: GateResults;
  /** The rendered report, when this run measured. */
  markdown?: string;
  files: { resultsPath: string; reportPath?: string; outputDir: string };
}

/** Measure mode: the inputs, with the event's placeholders and preview URL, through the whole gate. */
async function measure(
  trigger: Trigger,
  pullNumber: number | undefined,
  gate: GateDeps,
  io: ActionsIo,
  signal: AbortSignal,
): Promise<Measured> {
  const values = {
    ...(pullNumber ? { pr: String(pullNumber) } : {}),
    ...(trigger.sha ? { sha: trigger.sha } : {}),
    ...(trigger.branch ? { branch: trigger.branch } : {}),
    eventName: trigger.eventName,
  };
  const outcome = await runPlanned(
    (name) => io.getInput(name),
    (get) => {
      const parsed = parseSettings(get, values, trigger.previewUrl);
      for (const secret of secretValues(parsed)) io.setSecret(secret);
      return parsed;
    },
    gate,
    signal,
  );
  const { settings } = outcome;
  return {
    results: outcome.results,
    markdown: outcome.markdown,
    files: {
      resultsPath: outcome.resultsPath,
      reportPath: outcome.reportPath,
      outputDir: settings.outputDir,
    },
  };
}

/**
 * Comment-only mode: the results.json in output-dir; in a workflow_run, first downloaded from the
 * measuring run's artifact.
 */
async function readUploaded(
  trigger: Trigger,
  publish: PublishSettings,
  deps: ActionDeps,
  gate: GateDeps,
): Promise<Measured> {
  const { io } = deps;
  const outputDir = readDefaulted((name) => io.getInput(name), 'output-dir');
  if (trigger.measuringRunId) {
    if (!publish.token || !trigger.repository) {
      throw new UserError(
        "Missing input 'github-token': comment-only mode needs it (actions: read) to download the measuring run's artifact.",
      );
    }
    const name = artifactName(publish);
    io.info(`Downloading the artifact '${name}' of run ${trigger.measuringRunId}…`);
    await deps
      .artifacts()
      .download(
        name,
        { runId: trigger.measuringRunId, token: publish.token, ...trigger.repository },
        outputDir,
      )
      .catch((error) => {
        throw new UserError(
          `Could not download the artifact '${name}' of run ${trigger.measuringRunId}: ${describeError(error)}. Did the measuring workflow upload it (upload-artifact: true, the same name)?`,
        );
      });
  }
  const resultsPath = join(outputDir, 'results.json');
  return { results: await readResultsFile(resultsPath, gate.readText), files: { resultsPath, outputDir } };
}

/** Merge mode: every shard's results of this run (downloaded from their artifacts), merged into output-dir. */
async function mergeUploaded(
  trigger: Trigger,
  publish: PublishSettings,
  deps: ActionDeps,
  gate: GateDeps,
): Promise<Measured> {
  const { io } = deps;
  const outputDir = readDefaulted((name) => io.getInput(name), 'output-dir');
  const count = await shardCount(io.getInput('shard'), io.getInput('plan'), gate);
  const shardsDir = join(outputDir, 'shards');
  const runId = Number(deps.env.GITHUB_RUN_ID);
  const files = await downloadShards(
    count,
    shardsDir,
    publish.token && trigger.repository && runId
      ? { runId, token: publish.token, ...trigger.repository }
      : undefined,
    publish,
    deps.artifacts(),
    io,
  );
  const results = mergeResults(await readShardParts(files, gate.readText), count);
  const markdown = renderReport(results);
  const written = await writeOutputs(results, markdown, outputDir, gate.files);
  for (const problem of results.merge?.problems ?? [])
    io.warning(problem, { title: 'vitals-gate: shard missing' });
  return { results, markdown, files: { ...written, outputDir } };
}

/**
 * The action's orchestrator and the one place that calls `setFailed`: read the event, parse inputs,
 * measure (or, in comment-only mode, read what a measuring run uploaded), publish (artifact, check run,
 * PR comment, job summary, outputs), and fail the step on a failing verdict or an error. A publishing
 * failure never changes the verdict.
 */
export async function runAction(deps: ActionDeps): Promise<void> {
  const { io } = deps;
  // The runner's cancel stops the measuring, which writes what it measured, marked cancelled.
  const cancellation = cancelOnSignals(deps.signals ?? process);
  try {
    const gate = deps.gate();
    const trigger = resolveTrigger(deps.env, await readPayload(deps.env, gate));
    const publish = parsePublishSettings((name) => io.getInput(name));
    if (publish.token) io.setSecret(publish.token);
    for (const input of INPUT_DEFINITIONS) {
      const value = io.getInput(input.name);
      io.debug(`input ${input.name} = ${SECRET_INPUTS.has(input.name) && value ? '***' : value}`);
    }
    if (trigger.skip) {
      io.info(`vitals-gate: nothing to measure for this ${trigger.eventName} event: ${trigger.skip}.`);
      io.setOutput('result', 'skipped');
      return;
    }
    const api =
      publish.token && trigger.repository ? deps.github(publish.token, trigger.repository) : undefined;
    let pullNumber = trigger.pullNumber;
    if (!pullNumber && trigger.lookupPull && api) {
      pullNumber = await findPullRequest(api, trigger.lookupPull).catch((error) => {
        io.warning(`Could not find the pull request of ${trigger.lookupPull?.sha}: ${describeError(error)}`);
        return undefined;
      });
    }
    io.info(describeTrigger(trigger, pullNumber));

    if (publish.mode === 'plan') {
      const artifacts =
        deps.env.ACTIONS_RUNTIME_TOKEN && deps.env.ACTIONS_RESULTS_URL ? deps.artifacts() : undefined;
      await planStep(io, gate, publish, artifacts);
      return;
    }
    const { results, markdown, files } =
      publish.mode === 'measure'
        ? await measure(trigger, pullNumber, gate, deps.io, cancellation.signal)
        : publish.mode === 'merge'
          ? await mergeUploaded(trigger, publish, deps, gate)
          : await readUploaded(trigger, publish, deps, gate);
    if (results.cancelled) {
      // No verdict to publish, and the runner allows seconds before it kills the step: the job summary
      // and the outputs only (results.json and report.md are written).
      if (markdown) await io.appendSummary(markdown);
      io.setOutput('result', 'cancelled');
      io.setOutput('results-path', files.resultsPath);
      if (files.reportPath) io.setOutput('report-path', files.reportPath);
      io.setFailed(
        `Cancelled (${results.cancelled.reason}) after ${results.cancelled.measured}: no verdict. ${files.resultsPath} holds what was measured.`,
      );
      return;
    }
    const { shard } = results;
    if (shard)
      io.info(`Shard ${shard.index} of ${shard.count}: no comment or check run (the merge job writes them).`);

    const published = await publishResults({
      results,
      ...(markdown ? { markdown } : {}),
      files,
      trigger,
      pullNumber,
      publish: shard ? { ...publish, comment: false, checkRun: false } : publish,
      ...(shard ? { artifactName: shardArtifactName(publish.name, shard) } : {}),
      api,
      artifacts:
        deps.env.ACTIONS_RUNTIME_TOKEN && deps.env.ACTIONS_RESULTS_URL ? deps.artifacts() : undefined,
      log: gate.log,
    });
    await io.appendSummary(published.summary);
    io.setOutput('result', results.verdict.status);
    io.setOutput('results-path', files.resultsPath);
    if (files.reportPath) io.setOutput('report-path', files.reportPath);
    if (published.commentUrl) io.setOutput('comment-url', published.commentUrl);
    if (published.reportUrl) io.setOutput('report-url', published.reportUrl);
    if (publish.mode === 'measure' || publish.mode === 'merge') {
      for (const annotation of published.annotations) {
        const properties = { title: annotation.title };
        if (annotation.level === 'failure') io.error(annotation.message, properties);
        else io.warning(annotation.message, properties);
      }
    }
    // comment-only decides too, so the commenting job of the fork setup can be the required check.
    const decides =
      (publish.mode === 'measure' && !shard) || publish.mode === 'merge' || publish.mode === 'comment-only';
    if (results.verdict.status === 'error' && decides) {
      io.setFailed(`Not every shard was measured: ${results.merge?.problems.join('; ')}.`);
    } else if (results.verdict.status === 'fail' && decides) {
      const failing = results.verdict.urls.filter((url) => url.status === 'fail').map((url) => url.url);
      io.setFailed(`Performance budgets exceeded on ${failing.join(', ')}. See the job summary for why.`);
    } else {
      io.info(`vitals-gate: ${results.verdict.status}`);
    }
  } catch (error) {
    io.setOutput('result', 'error');
    if (!(error instanceof UserError) && error instanceof Error && error.stack) io.debug(error.stack);
    io.setFailed(describeError(error));
  } finally {
    cancellation.dispose();
  }
}
