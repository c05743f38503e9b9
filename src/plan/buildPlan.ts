import { compilePathPattern } from '../budgets/matchPath.js';
import type { FieldMetric, FieldSnapshot } from '../field/FieldData.js';
import { normalizePage, routeOf } from '../field/matchFieldPage.js';
import type { PlanFilters } from '../settings/PlanSettings.js';
import type { Device } from '../settings/Settings.js';
import { shardsFor, splitShards, type WorkItem } from '../shard/splitShards.js';
import { describeFieldValue } from './describeFieldValue.js';
import type { Plan, PlanDevice, PlanPage } from './Plan.js';
import { scorePage, severity } from './scorePage.js';

export interface PlanInput {
  /** Field data per page (no routes applied): p75s, and sample counts where the source has them. */
  pages: FieldSnapshot;
  /** Field data per route (`field.routes` applied): the p75s a route's representative is judged by. */
  routes: FieldSnapshot;
  /** Page views per page path; empty = the source gives no counts (every route weighs the same). */
  views: Map<string, number>;
  routePatterns: readonly string[];
  devices: PlanDevice[];
  filters: PlanFilters;
  runs: number;
  /** Expected measuring seconds of one page on one device. */
  estimate(path: string, device: Device): number;
  now: Date;
}

interface Group {
  key: string;
  route?: string;
  paths: string[];
  views: number;
}

const percent = (share: number) => `${share >= 0.1 ? Math.round(share * 100) : (share * 100).toFixed(1)} %`;
const matchesAny = (patterns: readonly string[] | undefined, path: string) =>
  (patterns ?? []).some((pattern) => compilePathPattern(pattern).test(path));

function p75Of(snapshot: FieldSnapshot, key: string): Partial<Record<FieldMetric, number>> {
  const page = snapshot.pages[key];
  const p75: Partial<Record<FieldMetric, number>> = {};
  for (const [metric, value] of Object.entries(page?.metrics ?? {})) {
    if (value) p75[metric as FieldMetric] = value.p75;
  }
  return p75;
}

function why(
  share: number | undefined,
  group: Group | undefined,
  p75: Partial<Record<FieldMetric, number>>,
): string {
  const parts: string[] = [];
  if (share !== undefined && group) {
    const where = group.route
      ? `its route ${group.route} (${group.paths.length} page${group.paths.length === 1 ? '' : 's'})`
      : 'it';
    parts.push(`${where} carries ${percent(share)} of page views`);
  }
  const worst = severity(p75);
  if (worst.metric) {
    const value = describeFieldValue(worst.metric, p75[worst.metric] as number);
    parts.push(`its p75 ${worst.metric} is ${value}${worst.value <= 1 ? ' (good)' : ''}`);
  }
  return parts.join(' and ');
}

/**
 * Chooses the pages to measure from production field data (pure): pages are grouped by route (one
 * representative, the page with the most views, stands for a template), scored by share × severity
 * (scorePage), filtered (`include`, `exclude`, `minShare`, `top`), with the `always` paths on top; then
 * the shards needed for `maxMinutes`. Every page carries the reason it is measured.
 */
export function buildPlan(input: PlanInput): Plan {
  const { filters } = input;
  const candidates = new Set<string>();
  for (const key of [...Object.keys(input.pages.pages), ...input.views.keys()]) {
    if (!key.includes('*')) candidates.add(normalizePage(key));
  }
  const groups = new Map<string, Group>();
  for (const path of [...candidates].sort()) {
    const route = input.routePatterns.length ? routeOf(path, input.routePatterns) : path;
    const group = groups.get(route) ?? {
      key: route,
      ...(route !== path ? { route } : {}),
      paths: [],
      views: 0,
    };
    group.paths.push(path);
    group.views += input.views.get(path) ?? 0;
    groups.set(route, group);
  }
  const totalViews = [...groups.values()].reduce((sum, group) => sum + group.views, 0);
  const shareOf = (group: Group | undefined) =>
    group && totalViews > 0 ? group.views / totalViews : undefined;
  const groupP75 = (group: Group, path: string) => {
    const routeP75 = p75Of(input.routes, group.key);
    return Object.keys(routeP75).length ? routeP75 : p75Of(input.pages, path);
  };

  const pages: PlanPage[] = [];
  const skipped: Plan['skipped'] = [];
  const taken = new Set<string>();
  for (const raw of filters.always ?? []) {
    const path = raw.startsWith('/') ? raw : normalizePage(raw, true);
    const key = input.routePatterns.length
      ? routeOf(normalizePage(path), input.routePatterns)
      : normalizePage(path);
    const group = groups.get(key);
    taken.add(key);
    const share = shareOf(group);
    const p75 = group ? groupP75(group, normalizePage(path)) : {};
    const reason = why(share, group, p75);
    pages.push({
      path,
      ...(group?.route ? { route: group.route } : {}),
      ...(share !== undefined ? { share, views: group?.views ?? 0 } : {}),
      p75,
      score: scorePage(share ?? 0, p75),
      always: true,
      reason: `always measured (urls)${reason ? `; ${reason}` : ''}`,
    });
  }

  const scored: PlanPage[] = [];
  const equalShare = groups.size ? 1 / groups.size : 0;
  for (const group of groups.values()) {
    if (taken.has(group.key)) continue;
    const eligible = group.paths.filter(
      (path) =>
        !matchesAny(filters.exclude, path) && (!filters.include?.length || matchesAny(filters.include, path)),
    );
    const representative = eligible.sort(
      (a, b) => (input.views.get(b) ?? 0) - (input.views.get(a) ?? 0) || (a < b ? -1 : 1),
    )[0];
    if (!representative) {
      skipped.push({
        path: group.key,
        reason: filters.include?.length ? 'not matched by include' : 'excluded',
      });
      continue;
    }
    const share = shareOf(group);
    const p75 = groupP75(group, representative);
    const reason = why(share, group, p75);
    scored.push({
      path: representative,
      ...(group.route ? { route: group.route } : {}),
      ...(share !== undefined ? { share, views: group.views } : {}),
      p75,
      score: scorePage(share ?? equalShare, p75),
      reason: `measured because ${reason || 'it has field data'}`,
    });
  }
  scored.sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : 1));
  for (const page of scored) {
    if (filters.minShare !== undefined && page.share !== undefined && page.share < filters.minShare) {
      skipped.push({
        path: page.path,
        reason: `${percent(page.share)} of page views, under min-share ${percent(filters.minShare)}`,
      });
    } else if (filters.top !== undefined && pages.filter((p) => !p.always).length >= filters.top) {
      skipped.push({
        path: page.path,
        reason: `score ${page.score.toFixed(3)}, below the top ${filters.top}`,
      });
    } else {
      pages.push(page);
    }
  }

  const devices = input.devices.map((entry) => entry.device);
  const items: WorkItem[] = pages.flatMap((page) =>
    devices.map((device) => ({ page: page.path, device, seconds: input.estimate(page.path, device) })),
  );
  const shards =
    filters.maxMinutes !== undefined && items.length
      ? shardsFor(items, devices, filters.maxMinutes * 60)
      : Math.max(1, devices.length);
  const split = items.length ? splitShards(items, devices, shards) : [];
  const slowest = Math.max(0, ...split.map((shard) => shard.seconds));
  return {
    schemaVersion: 1,
    createdAt: input.now.toISOString(),
    source: input.pages.description,
    devices: input.devices,
    pages,
    runs: input.runs,
    shards,
    shardDevices: split.length ? split.map((shard) => shard.device) : devices.slice(0, shards),
    ...(filters.maxMinutes !== undefined ? { maxMinutes: filters.maxMinutes } : {}),
    estimatedMinutes: Math.round((slowest / 60) * 10) / 10,
    field: input.routes,
    skipped: skipped.slice(0, 20),
  };
}
