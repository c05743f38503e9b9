import { shardMatrix } from '../shard/parseShard.js';
import type { Plan } from './Plan.js';

/** The plan's `strategy.matrix`: one entry per shard with its device. */
export function planMatrix(plan: Plan): ReturnType<typeof shardMatrix> {
  return shardMatrix(
    plan.shardDevices.map((device, offset) => ({ index: offset + 1, count: plan.shards, device })),
  );
}
