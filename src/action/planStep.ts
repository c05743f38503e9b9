import { join } from 'node:path';
import { defaultBudgets } from '../budgets/defaultBudgets.js';
import { loadBudgets } from '../budgets/loadBudgets.js';
import { describeError } from '../errors/UserError.js';
import type { GateDeps } from '../gate/runGate.js';
import { makePlan } from '../plan/makePlan.js';
import { planMatrix } from '../plan/planMatrix.js';
import type { ArtifactStore } from '../publish/ArtifactStore.js';
import { planSection } from '../report/planSection.js';
import type { PublishSettings } from '../settings/PublishSettings.js';
import { parsePlanSettings } from '../settings/parsePlanSettings.js';
import type { ActionsIo } from './ActionsIo.js';

/**
 * `mode: plan`: reads the field data once, chooses pages and devices, writes plan.json to output-dir,
 * uploads it as the artifact `<name>-plan` (the shards download it), and sets the `matrix` and
 * `plan-path` outputs and the job summary.
 */
export async function planStep(
  io: ActionsIo,
  gate: GateDeps,
  publish: PublishSettings,
  artifacts: ArtifactStore | undefined,
): Promise<void> {
  const settings = parsePlanSettings((name) => io.getInput(name));
  if (settings.rum.cruxApiKey) io.setSecret(settings.rum.cruxApiKey);
  const budgets = settings.budgetsPath
    ? await loadBudgets(settings.budgetsPath, gate.readText)
    : defaultBudgets();
  const plan = await makePlan(settings, budgets, gate);
  await gate.files.mkdir(settings.outputDir);
  const planPath = join(settings.outputDir, 'plan.json');
  await gate.files.writeFile(planPath, `${JSON.stringify(plan, null, 2)}\n`);
  const matrix = JSON.stringify(planMatrix(plan));
  io.info(
    `Plan: ${plan.pages.length} page(s) on ${plan.devices.map((d) => d.device).join(', ')}, ${plan.shards} shard(s): ${matrix}`,
  );
  if (publish.uploadArtifact && artifacts) {
    const name = `${publish.name}-plan`;
    await artifacts
      .upload(name, [planPath], settings.outputDir)
      .then(() => io.info(`Uploaded the artifact '${name}'`))
      .catch((error) => io.warning(`The artifact '${name}' was not uploaded: ${describeError(error)}`));
  }
  await io.appendSummary(planSection(plan).join('\n'));
  io.setOutput('matrix', matrix);
  io.setOutput('plan-path', planPath);
  io.setOutput('result', 'planned');
}
