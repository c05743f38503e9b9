import { describe, expect, it } from 'vitest';
import { defaultBudgets } from '../../src/budgets/defaultBudgets.js';
import { estimateSeconds, MEASURED_SECONDS } from '../../src/shard/estimateSeconds.js';
import { parseShard, parseShardCount, shardArtifactName } from '../../src/shard/parseShard.js';
import { selectShard } from '../../src/shard/selectShard.js';
import { splitShards, type WorkItem } from '../../src/shard/splitShards.js';
import { SETTINGS } from '../helpers/fixtures.js';

const items = (seconds: number[], device: 'mobile' | 'desktop' = 'mobile'): WorkItem[] =>
  seconds.map((s, i) => ({ page: `/p${String(i).padStart(2, '0')}`, device, seconds: s }));

describe('parseShard', () => {
  it('reads K/N, 1-based, and names the artifact', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(shardArtifactName('vitals-gate', { index: 2, count: 4 })).toBe('vitals-gate-results-2-of-4');
    expect(parseShardCount('3')).toBe(3);
    expect(parseShardCount('1/3')).toBe(3);
  });

  it.each(['0/3', '4/3', 'x', '1/0', '2'])('refuses %s naming the input', (raw) => {
    expect(() => parseShard(raw)).toThrow(`Invalid input 'shard': '${raw}'. Expected K/N`);
  });
});

describe('splitShards', () => {
  it('puts every item in exactly one shard, balanced by expected time (LPT), the same every time', () => {
    const work = items([30, 10, 10, 10, 20, 20, 40, 5, 5, 10, 10, 30]);
    const shards = splitShards(work, ['mobile'], 3);
    expect(splitShards(work, ['mobile'], 3)).toEqual(shards);
    expect(shards.flatMap((shard) => shard.items).sort((a, b) => a.page.localeCompare(b.page))).toEqual(work);
    const loads = shards.map((shard) => shard.seconds);
    expect(loads.reduce((a, b) => a + b)).toBe(200);
    // LPT's bound: the slowest shard is within 4/3 of the ideal 200/3.
    expect(Math.max(...loads)).toBeLessThanOrEqual((200 / 3) * (4 / 3));
    expect(shards.map((shard) => shard.index)).toEqual([1, 2, 3]);
  });

  it('gives each device its own shards, in proportion to its time', () => {
    const work = [...items([60, 60, 60, 60]), ...items([30, 30, 30, 30], 'desktop')];
    const shards = splitShards(work, ['mobile', 'desktop'], 3);
    expect(shards.map((shard) => [shard.device, shard.items.length])).toEqual([
      ['mobile', 2],
      ['mobile', 2],
      ['desktop', 4],
    ]);
    expect(() => splitShards(work, ['mobile', 'desktop'], 1)).toThrow(
      'Expected at least one shard per device',
    );
  });
});

describe('selectShard', () => {
  it('keeps only the shard’s URLs and records what it was assigned', () => {
    const urls = Array.from({ length: 12 }, (_, i) => `https://preview.example/p${i}`);
    const settings = { ...SETTINGS, urls };
    const all = [1, 2, 3].map((index) => selectShard(settings, defaultBudgets(), { index, count: 3 }));
    expect(all.flatMap((part) => part.settings.urls).sort()).toEqual([...urls].sort());
    expect(all.map((part) => part.settings.urls.length)).toEqual([4, 4, 4]);
    expect(all[1]?.shard).toEqual({
      index: 2,
      count: 3,
      device: 'mobile',
      urls: all[1]?.settings.urls,
      total: 12,
    });
  });

  it('refuses a plan with two devices without a shard', () => {
    const plan = {
      devices: [{ device: 'mobile' as const }, { device: 'desktop' as const }],
      shardDevices: [],
    };
    expect(() => selectShard(SETTINGS, defaultBudgets(), undefined, plan)).toThrow("Missing input 'shard'");
  });
});

describe('estimateSeconds', () => {
  it('counts runs (pairs with a baseline), interaction steps and Lighthouse', () => {
    const base = {
      device: 'mobile',
      throttling: 'device',
      runs: 5,
      lighthouse: false,
      interactionSteps: 0,
      baseline: false,
    } as const;
    const run = MEASURED_SECONDS.run.mobile.device;
    expect(estimateSeconds(base)).toBeCloseTo(5 * run, 10);
    expect(estimateSeconds({ ...base, baseline: true })).toBeCloseTo(10 * run, 10);
    expect(estimateSeconds({ ...base, lighthouse: true })).toBeCloseTo(
      5 * run + MEASURED_SECONDS.lighthouse.mobile.device,
      10,
    );
    expect(estimateSeconds({ ...base, interactionSteps: 2 })).toBeCloseTo(
      5 * (run + 2 * MEASURED_SECONDS.interactionStep),
      10,
    );
  });
});
