import type { FieldMetric, FieldSnapshot } from '../field/FieldData.js';
import type { Device } from '../settings/Settings.js';

/** A device class the plan measures, and the share of page views that justified it. */
export interface PlanDevice {
  device: Device;
  /** Fraction (0-1) of the origin's page views on this device class; absent without CrUX form factors. */
  share?: number;
  reason: string;
}

/** One page the plan measures: a representative URL of a route, or a URL the user always wants. */
export interface PlanPage {
  /** Path (and query) relative to the base URL, starting with `/`. */
  path: string;
  /** The `field.routes` pattern the page stands for, when it belongs to one. */
  route?: string;
  /** Fraction (0-1) of all page views in the field data that fall on this page, or on its route. */
  share?: number;
  /** Page views behind `share` (the source's sample count). */
  views?: number;
  /** Production p75 per metric (ms; CLS unitless) of the page or its route. */
  p75: Partial<Record<FieldMetric, number>>;
  /** share × the worst p75 ÷ its "good" threshold (see scorePage). */
  score: number;
  /** Listed in `urls`: measured whatever its score. */
  always?: true;
  /** Why it is measured, as the report says it. */
  reason: string;
}

/** A test plan chosen from production data (plan.schema.json): what `vitals-gate plan` writes. */
export interface Plan {
  schemaVersion: 1;
  createdAt: string;
  /** Where the traffic and p75s came from, e.g. `Prometheus http://prom:9090, web_vitals_seconds`. */
  source: string;
  devices: PlanDevice[];
  pages: PlanPage[];
  /** Runs per page the estimate assumes (the plan's `runs`). */
  runs: number;
  /** Shards for the wall-time target (at least one per device). */
  shards: number;
  /** The device of each shard, in shard order (one device per shard; the matrix shows it). */
  shardDevices: Device[];
  /** The wall-time target per shard (`--max-minutes`), when one was given. */
  maxMinutes?: number;
  /** Estimated measuring minutes of the slowest shard (job start overhead not included). */
  estimatedMinutes: number;
  /** The route-level field data, read once here and used by every shard (no shard asks the source again). */
  field?: FieldSnapshot;
  /** Pages with field data that the filters left out, with why (the first 20). */
  skipped: { path: string; reason: string }[];
}
