import { Ajv } from 'ajv';
import schema from '../../field-data.schema.json' with { type: 'json' };
import { quantile } from '../aggregate/quantile.js';
import { UserError } from '../errors/UserError.js';
import { LCP_SUBPARTS, type LcpSubpart, WEB_VITALS } from '../metrics/metricDefinitions.js';
import { compileOnce } from '../schema/compileOnce.js';
import { describeSchemaErrors, parseJson } from '../schema/jsonErrors.js';
import type { FieldMetric, FieldPage, FieldSnapshot } from './FieldData.js';
import { normalizePage, routeOf } from './matchFieldPage.js';

const validator = compileOnce(() =>
  new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true }).compile(schema),
);

/** The fields a beacon may name its page by, in order of preference. */
export const BEACON_PAGE_FIELDS = ['page', 'pathname', 'path', 'url', 'page_url', 'href'] as const;

/** Validates a field data snapshot (JSON) against field-data.schema.json. */
export function parseFieldSnapshot(text: string, file: string, now: Date): FieldSnapshot {
  const data = parseJson(text, `Field data file '${file}'`);
  const validate = validator();
  if (!validate(data)) {
    const list = describeSchemaErrors(validate.errors ?? [])
      .map((problem) => `  - ${problem}`)
      .join('\n');
    throw new UserError(`Field data file '${file}' is invalid (see field-data.schema.json):\n${list}`);
  }
  const snapshot = data as Partial<FieldSnapshot> & Pick<FieldSnapshot, 'pages'>;
  return {
    source: snapshot.source ?? 'file',
    description: snapshot.description ?? `file ${file}`,
    period: snapshot.period ?? {},
    ...(snapshot.formFactor ? { formFactor: snapshot.formFactor } : {}),
    collectedAt: snapshot.collectedAt ?? now.toISOString(),
    pages: snapshot.pages,
  };
}

interface Beacon {
  name: FieldMetric;
  value: number;
  page: string;
  attribution?: Record<string, unknown>;
}

function beaconPage(record: Record<string, unknown>, pageField: string | undefined): string | undefined {
  for (const field of pageField ? [pageField] : BEACON_PAGE_FIELDS) {
    const value = record[field];
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}

/**
 * Computes p75 per page (or route) and metric from NDJSON web-vitals beacons: one JSON report per line with
 * `name`, `value` and a page field (`page`, `pathname`, `path`, `url`, `page_url` or `href`, or the one
 * named). p75 is the type-7 quantile of the values; LCP subpart p75s come from `attribution` where present.
 */
export function parseBeacons(
  text: string,
  file: string,
  options: { routes?: readonly string[]; pageField?: string; keepQuery?: boolean },
  now: Date,
): FieldSnapshot {
  const beacons: Beacon[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const where = `Field data file '${file}', line ${index + 1}`;
    const record = parseJson(line, where) as Record<string, unknown>;
    if (typeof record !== 'object' || record === null)
      throw new UserError(`${where}: expected a JSON object`);
    const name = record.name;
    if (!WEB_VITALS.includes(name as FieldMetric)) return; // other reports (e.g. custom metrics) are skipped
    if (typeof record.value !== 'number' || !Number.isFinite(record.value)) {
      throw new UserError(`${where}: 'value' must be a number`);
    }
    const page = beaconPage(record, options.pageField);
    if (!page) {
      const fields = options.pageField ? `'${options.pageField}'` : BEACON_PAGE_FIELDS.join(', ');
      throw new UserError(`${where}: no page field (expected one of: ${fields})`);
    }
    const attribution =
      typeof record.attribution === 'object' ? (record.attribution as Record<string, unknown>) : undefined;
    beacons.push({
      name: name as FieldMetric,
      value: record.value,
      page,
      ...(attribution ? { attribution } : {}),
    });
  });
  if (beacons.length === 0) throw new UserError(`Field data file '${file}' has no web-vitals reports`);

  const byPage = new Map<string, Beacon[]>();
  for (const beacon of beacons) {
    const key = routeOf(normalizePage(beacon.page, options.keepQuery), options.routes ?? []);
    byPage.set(key, [...(byPage.get(key) ?? []), beacon]);
  }
  const pages: Record<string, FieldPage> = {};
  for (const [key, list] of byPage) {
    const page: FieldPage = { metrics: {} };
    for (const metric of WEB_VITALS) {
      const values = list.filter((beacon) => beacon.name === metric).map((beacon) => beacon.value);
      if (values.length)
        page.metrics[metric] = { p75: quantile(values, 0.75) as number, samples: values.length };
    }
    const lcp = list.filter((beacon) => beacon.name === 'LCP' && beacon.attribution);
    const subparts: Partial<Record<LcpSubpart, number>> = {};
    for (const subpart of LCP_SUBPARTS) {
      const values = lcp
        .map((beacon) => beacon.attribution?.[subpart])
        .filter((v): v is number => typeof v === 'number');
      if (values.length) subparts[subpart] = quantile(values, 0.75) as number;
    }
    if (Object.keys(subparts).length) page.lcpSubparts = subparts;
    pages[key] = page;
  }
  return {
    source: 'file',
    description: `web-vitals beacons in ${file} (${beacons.length} reports)`,
    period: {},
    collectedAt: now.toISOString(),
    pages,
  };
}

/** A snapshot file (`.json`) or beacons (`.ndjson`, `.jsonl`, or any file whose first line is a report). */
export function parseFieldFile(
  text: string,
  file: string,
  options: { routes?: readonly string[]; pageField?: string; keepQuery?: boolean },
  now: Date,
): FieldSnapshot {
  const firstLine = text.trimStart().split('\n', 1)[0] ?? '';
  const looksLikeBeacons = /\.(nd)?jsonl?$/i.test(file) && !/\.json$/i.test(file);
  if (looksLikeBeacons || /^\{.*"name"\s*:\s*"(LCP|INP|CLS|FCP|TTFB)"/.test(firstLine)) {
    return parseBeacons(text, file, options, now);
  }
  return parseFieldSnapshot(text, file, now);
}
