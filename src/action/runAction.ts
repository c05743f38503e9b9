import * as core from '@actions/core';
import { describeError, UserError } from '../errors/UserError.js';
import type { GateDeps } from '../gate/runGate.js';
import { runGate } from '../gate/runGate.js';
import { INPUT_DEFINITIONS } from '../settings/inputDefinitions.js';
import { parseSettings } from '../settings/parseSettings.js';

/**
 * The action's orchestrator and the one place that calls `core.setFailed`: parse inputs, run the gate,
 * write the job summary and outputs, fail the step on a failing verdict or an error.
 */
export async function runAction(makeDeps: () => GateDeps): Promise<void> {
  try {
    const settings = parseSettings((name) => core.getInput(name));
    if (settings.rum.cruxApiKey) core.setSecret(settings.rum.cruxApiKey);
    for (const input of INPUT_DEFINITIONS) {
      const value =
        input.name === 'crux-api-key' && core.getInput(input.name) ? '***' : core.getInput(input.name);
      core.debug(`input ${input.name} = ${value}`);
    }
    const outcome = await runGate(settings, makeDeps());
    await core.summary.addRaw(outcome.markdown, true).write();
    core.setOutput('result', outcome.results.verdict.status);
    core.setOutput('results-path', outcome.resultsPath);
    core.setOutput('report-path', outcome.reportPath);
    if (outcome.results.verdict.status === 'fail') {
      const failing = outcome.results.verdict.urls
        .filter((url) => url.status === 'fail')
        .map((url) => url.url);
      core.setFailed(`Performance budgets exceeded on ${failing.join(', ')}. See the job summary for why.`);
    } else {
      core.info(`vitals-gate: ${outcome.results.verdict.status}`);
    }
  } catch (error) {
    core.setOutput('result', 'error');
    if (!(error instanceof UserError) && error instanceof Error && error.stack) core.debug(error.stack);
    core.setFailed(describeError(error));
  }
}
