import { UserError } from '../errors/UserError.js';

/** `shard: K/N`: measure shard K (1-based) of N. */
export interface ShardRef {
  index: number;
  count: number;
}

/** Parses `K/N` (1 ≤ K ≤ N ≤ 256). */
export function parseShard(raw: string): ShardRef {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || count < 1 || index > count || count > 256) {
    throw new UserError(
      `Invalid input 'shard': '${raw}'. Expected K/N with 1 ≤ K ≤ N ≤ 256, e.g. 2/4 (from the plan's matrix output).`,
    );
  }
  return { index, count };
}

/** The number of shards a merge expects: `N`, or the N of `K/N`. */
export function parseShardCount(raw: string): number {
  const count = Number(/^\s*(?:\d+\s*\/\s*)?(\d+)\s*$/.exec(raw)?.[1]);
  if (!Number.isInteger(count) || count < 1 || count > 256) {
    throw new UserError(
      `Invalid input 'shard': '${raw}'. Expected the number of shards to merge (1-256), e.g. 4.`,
    );
  }
  return count;
}

/** The artifact a shard uploads its results as: `<name>-results-<K>-of-<N>`. */
export function shardArtifactName(name: string, shard: ShardRef): string {
  return `${name}-results-${shard.index}-of-${shard.count}`;
}

/** The `strategy.matrix` a workflow feeds with `fromJSON`: one `shard: "K/N"` entry per shard, with its device. */
export function shardMatrix(shards: readonly { index: number; count: number; device: string }[]): {
  include: { shard: string; device: string }[];
} {
  return {
    include: shards.map((shard) => ({ shard: `${shard.index}/${shard.count}`, device: shard.device })),
  };
}
