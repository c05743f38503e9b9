import type { ReadText } from '../budgets/loadBudgets.js';
import { UserError } from '../errors/UserError.js';
import { readPlanFile } from '../plan/readPlanFile.js';
import { parseShardCount } from '../shard/parseShard.js';

/** How many shards a merge expects: the `shard` input (`N` or `K/N`), else the plan's `shards`. */
export async function shardCount(
  rawShard: string | undefined,
  planFile: string | undefined,
  deps: { readText: ReadText; now(): Date },
): Promise<number> {
  if (rawShard?.trim()) return parseShardCount(rawShard);
  if (planFile?.trim()) return (await readPlanFile(planFile.trim(), deps.readText, deps.now())).shards;
  throw new UserError(
    "Missing input 'shard' (or 'plan'): a merge needs the number of shards, e.g. shard: 4, or the plan file they came from.",
  );
}
