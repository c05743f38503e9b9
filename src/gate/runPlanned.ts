import type { BudgetsFile } from '../budgets/Budgets.js';
import { defaultBudgets } from '../budgets/defaultBudgets.js';
import { loadBudgets } from '../budgets/loadBudgets.js';
import type { FieldOutcome } from '../field/collectFieldData.js';
import type { Plan } from '../plan/Plan.js';
import { readPlanFile } from '../plan/readPlanFile.js';
import type { InputReader } from '../settings/parseSettings.js';
import type { Settings } from '../settings/Settings.js';
import { parseShard } from '../shard/parseShard.js';
import { selectShard } from '../shard/selectShard.js';
import { type GateDeps, type GateOutcome, runGate } from './runGate.js';

/**
 * A gate run with the `plan` and `shard` inputs: the plan's pages (paths joined to base-url) instead of
 * `urls`, its field data instead of asking the source again, and only shard K of N of the URL × device
 * list. Without either input it is the plain gate.
 */
export async function runPlanned(
  get: InputReader,
  parse: (get: InputReader) => Settings,
  deps: GateDeps,
  signal?: AbortSignal,
): Promise<GateOutcome & { settings: Settings }> {
  const planFile = get('plan')?.trim();
  const rawShard = get('shard')?.trim();
  const plan: Plan | undefined = planFile
    ? await readPlanFile(planFile, deps.readText, deps.now())
    : undefined;
  const parsed = parse(
    plan ? (name) => (name === 'urls' ? plan.pages.map((page) => page.path).join('\n') : get(name)) : get,
  );
  const budgets: BudgetsFile = parsed.budgetsPath
    ? await loadBudgets(parsed.budgetsPath, deps.readText)
    : defaultBudgets();
  const { settings, shard } = selectShard(parsed, budgets, rawShard ? parseShard(rawShard) : undefined, plan);
  if (shard) {
    deps.log.info(
      `Shard ${shard.index} of ${shard.count} (${shard.device}): ${shard.urls.length} page(s)${shard.urls.length ? `: ${shard.urls.join(', ')}` : ''}`,
    );
  }
  const { field: planField, ...planSummary } = plan ?? ({} as Partial<Plan>);
  const field: FieldOutcome | undefined = planField
    ? { source: planField.source, snapshot: planField }
    : undefined;
  const outcome = await runGate(settings, deps, {
    budgets,
    ...(field ? { field } : {}),
    context: { ...(shard ? { shard } : {}), ...(plan ? { plan: planSummary as Omit<Plan, 'field'> } : {}) },
    ...(signal ? { signal } : {}),
  });
  return { ...outcome, settings };
}
