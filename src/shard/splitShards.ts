import { UserError } from '../errors/UserError.js';
import type { Device } from '../settings/Settings.js';

/** One page × device to measure, with its expected time. */
export interface WorkItem {
  /** The page as the plan or the urls input names it (a path, or an absolute URL). */
  page: string;
  device: Device;
  seconds: number;
}

/** One shard of a split: 1-based index, one device, its pages in measuring order. */
export interface Shard {
  index: number;
  count: number;
  device: Device;
  items: WorkItem[];
  seconds: number;
}

/**
 * How many of `count` shards each device gets: one each, then one at a time to the device whose shards
 * carry the most expected time each (ties: the earlier device).
 */
function shardsPerDevice(
  devices: Device[],
  seconds: Map<Device, number>,
  count: number,
): Map<Device, number> {
  const shares = new Map(devices.map((device) => [device, 1]));
  for (let extra = count - devices.length; extra > 0; extra--) {
    let busiest = devices[0] as Device;
    for (const device of devices) {
      const load = (seconds.get(device) ?? 0) / (shares.get(device) ?? 1);
      const best = (seconds.get(busiest) ?? 0) / (shares.get(busiest) ?? 1);
      if (load > best) busiest = device;
    }
    shares.set(busiest, (shares.get(busiest) ?? 0) + 1);
  }
  return shares;
}

/**
 * Splits pages × devices into `count` shards, deterministically (every job of a matrix computes the same
 * split without talking to the others) and balanced by expected time: each device gets its own shards
 * (devices in the given order), and within a device the longest page goes first to the least loaded
 * shard (LPT; ties by page name, then by the lower shard). A shard keeps its pages in their given order.
 */
export function splitShards(
  items: readonly WorkItem[],
  devices: readonly Device[],
  count: number,
  /** The device of each shard (a plan's `shardDevices`), when it fixes how many shards each device gets. */
  fixed?: readonly Device[],
): Shard[] {
  const used = devices.filter((device) => items.some((item) => item.device === device));
  if (count < used.length) {
    throw new UserError(
      `Invalid input 'shard': ${count} shard(s) for ${used.length} devices (${used.join(', ')}). Expected at least one shard per device: a shard measures one device.`,
    );
  }
  const seconds = new Map<Device, number>();
  for (const item of items) seconds.set(item.device, (seconds.get(item.device) ?? 0) + item.seconds);
  const perDevice =
    fixed && fixed.length === count && used.every((device) => fixed.includes(device))
      ? new Map(used.map((device) => [device, fixed.filter((d) => d === device).length]))
      : shardsPerDevice(used, seconds, count);
  const shards: Shard[] = [];
  for (const device of used) {
    const bins: Shard[] = Array.from({ length: perDevice.get(device) ?? 1 }, (_, offset) => ({
      index: shards.length + offset + 1,
      count,
      device,
      items: [],
      seconds: 0,
    }));
    const order = items
      .map((item, position) => ({ item, position }))
      .filter(({ item }) => item.device === device)
      .sort(
        (a, b) =>
          b.item.seconds - a.item.seconds ||
          (a.item.page < b.item.page ? -1 : a.item.page > b.item.page ? 1 : 0),
      );
    const placed = new Map<Shard, number[]>();
    for (const { item, position } of order) {
      const target = bins.reduce((least, bin) => (bin.seconds < least.seconds ? bin : least));
      target.seconds += item.seconds;
      placed.set(target, [...(placed.get(target) ?? []), position]);
    }
    for (const bin of bins) {
      bin.items = (placed.get(bin) ?? [])
        .sort((a, b) => a - b)
        .map((position) => items[position] as WorkItem);
    }
    shards.push(...bins);
  }
  return shards;
}

/** The shards needed so that no shard takes longer than `maxSeconds` (at least one per device). */
export function shardsFor(
  items: readonly WorkItem[],
  devices: readonly Device[],
  maxSeconds: number,
): number {
  const used = devices.filter((device) => items.some((item) => item.device === device));
  for (let count = Math.max(1, used.length); count < 256; count++) {
    const shards = splitShards(items, used, count);
    if (shards.every((shard) => shard.seconds <= maxSeconds)) return count;
  }
  return 256;
}
