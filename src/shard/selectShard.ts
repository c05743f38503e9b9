import type { BudgetsFile } from '../budgets/Budgets.js';
import { resolveBudget } from '../budgets/resolveBudget.js';
import { UserError } from '../errors/UserError.js';
import type { ShardInfo } from '../results/GateResults.js';
import type { Device, Settings } from '../settings/Settings.js';
import { estimateSeconds } from './estimateSeconds.js';
import type { ShardRef } from './parseShard.js';
import { type Shard, splitShards, type WorkItem } from './splitShards.js';

/** Every URL × device of a gate run, with its expected time: the plan's devices, else the configured one. */
export function workItems(settings: Settings, budgets: BudgetsFile, devices: readonly Device[]): WorkItem[] {
  return devices.flatMap((device) =>
    settings.urls.map((url) => ({
      page: url,
      device,
      seconds: estimateSeconds({
        device,
        throttling: settings.throttling,
        runs: settings.runs,
        lighthouse: settings.lighthouse,
        interactionSteps: resolveBudget(budgets, url).interactions?.length ?? 0,
        baseline: Boolean(settings.baselineUrl),
      }),
    })),
  );
}

/** What a split needs of a plan: its devices, and the device of each shard. */
export interface PlanDevices {
  devices: { device: Device }[];
  shardDevices: Device[];
}

/** The split of a gate run into `count` shards (the same in every job that computes it). */
export function shardsOf(
  settings: Settings,
  budgets: BudgetsFile,
  count: number,
  plan?: PlanDevices,
): Shard[] {
  const devices = plan ? plan.devices.map((entry) => entry.device) : [settings.device];
  return splitShards(workItems(settings, budgets, devices), devices, count, plan?.shardDevices);
}

/**
 * The settings of one shard: only its URLs, on its device. Without `shard`, a plan with several devices
 * is refused (a run measures one device); with one, its device is used.
 */
export function selectShard(
  settings: Settings,
  budgets: BudgetsFile,
  ref: ShardRef | undefined,
  plan?: PlanDevices,
): { settings: Settings; shard?: ShardInfo } {
  if (!ref) {
    if (!plan) return { settings };
    const [only, ...more] = plan.devices;
    if (more.length || !only) {
      throw new UserError(
        `Missing input 'shard': the plan measures ${plan.devices.map((d) => d.device).join(' and ')}, and a run measures one device. Run its matrix (shard: K/N from the plan's matrix output), or shard: 1/${plan.devices.length} …`,
      );
    }
    return { settings: { ...settings, device: only.device } };
  }
  const shards = shardsOf(settings, budgets, ref.count, plan);
  const shard = shards[ref.index - 1] as Shard;
  const urls = shard.items.map((item) => item.page);
  const total = shards.reduce((sum, each) => sum + each.items.length, 0);
  return {
    settings: { ...settings, urls, device: shard.device },
    shard: { index: ref.index, count: ref.count, device: shard.device, urls, total },
  };
}
