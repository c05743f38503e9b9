import type { LcpSubpart } from '../metrics/metricDefinitions.js';
import { retry } from '../retry/retry.js';
import type { FieldMetric, FieldPage, FieldSnapshot } from './FieldData.js';
import { FieldError } from './FieldError.js';
import { type HttpDeps, httpJson } from './httpJson.js';
import { normalizePage } from './matchFieldPage.js';

export interface CruxOptions {
  apiKey: string;
  /** `PHONE` for the mobile lab profile, `DESKTOP` for desktop. */
  formFactor: 'PHONE' | 'DESKTOP';
  /** The API's origin; a test server's in tests. */
  baseUrl?: string;
  /** Attempts per query when the API answers 429 (rate limited). */
  maxAttempts?: number;
}

/** The first wait after a 429, doubled after each further one. */
const BACKOFF_MS = 1000;

const METRIC_NAMES: Record<string, FieldMetric> = {
  largest_contentful_paint: 'LCP',
  interaction_to_next_paint: 'INP',
  cumulative_layout_shift: 'CLS',
  first_contentful_paint: 'FCP',
  experimental_time_to_first_byte: 'TTFB',
};

const SUBPART_NAMES: Record<string, LcpSubpart> = {
  largest_contentful_paint_image_time_to_first_byte: 'timeToFirstByte',
  largest_contentful_paint_image_resource_load_delay: 'resourceLoadDelay',
  largest_contentful_paint_image_resource_load_duration: 'resourceLoadDuration',
  largest_contentful_paint_image_element_render_delay: 'elementRenderDelay',
};

interface CruxDate {
  year: number;
  month: number;
  day: number;
}

interface CruxRecord {
  metrics?: Record<string, { percentiles?: { p75?: number | string } }>;
  collectionPeriod?: { firstDate?: CruxDate; lastDate?: CruxDate };
}

const isoDate = (date: CruxDate | undefined) =>
  date
    ? `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`
    : undefined;

/** Reads one CrUX record's p75s (CLS p75 arrives as a string) and LCP subparts. */
export function parseCruxRecord(record: CruxRecord): FieldPage {
  const page: FieldPage = { metrics: {} };
  const subparts: Partial<Record<LcpSubpart, number>> = {};
  for (const [name, data] of Object.entries(record.metrics ?? {})) {
    if (!isObject(data)) continue;
    const p75 = Number(data.percentiles?.p75);
    if (data.percentiles?.p75 === undefined || !Number.isFinite(p75)) continue;
    const metric = METRIC_NAMES[name];
    if (metric) page.metrics[metric] = { p75 };
    const subpart = SUBPART_NAMES[name];
    if (subpart) subparts[subpart] = p75;
  }
  if (Object.keys(subparts).length) page.lcpSubparts = subparts;
  return page;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The record of a 200 answer. Anything else than `{"record": {"metrics": {…}}}` (an HTML page from a
 * proxy, a truncated body) is an error, warned about like Prometheus and Loki answers — not "no data".
 */
function recordOf(what: string, body: unknown): CruxRecord {
  if (body === undefined) {
    throw new FieldError(`${what} answered HTTP 200 without JSON; expected {"record": {"metrics": {…}}}`);
  }
  const record = isObject(body) ? body.record : undefined;
  if (!isObject(record) || (record.metrics !== undefined && !isObject(record.metrics))) {
    throw new FieldError(
      `${what} answered HTTP 200 with JSON of the wrong shape; expected {"record": {"metrics": {…}}}`,
    );
  }
  return record as CruxRecord;
}

type Query = { url: string } | { origin: string };

async function queryRecord(
  query: Query,
  options: CruxOptions,
  http: HttpDeps,
): Promise<CruxRecord | undefined> {
  const base = options.baseUrl ?? 'https://chromeuxreport.googleapis.com';
  const endpoint = `${base}/v1/records:queryRecord?key=${encodeURIComponent(options.apiKey)}`;
  const what = `CrUX API (${'url' in query ? query.url : `origin ${query.origin}`})`;
  const attempts = options.maxAttempts ?? 4;
  const outcome = await retry<CruxRecord | undefined>(
    async () => {
      const answer = await httpJson(http.fetch, what, endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...query, formFactor: options.formFactor }),
      });
      if (answer.status === 200) return { value: recordOf(what, answer.body) };
      if (answer.status === 404) return { value: undefined };
      const error = (answer.body as { error?: { status?: string; message?: string } } | undefined)?.error;
      const detail = `HTTP ${answer.status}${error?.status ? ` ${error.status}` : ''}${error?.message ? `: ${error.message}` : ''}`;
      if (answer.status !== 429) throw new FieldError(`${what} answered ${detail}`);
      return { retry: detail, retryAfter: answer.retryAfter };
    },
    {
      delayMs: (attempt) => (attempt < attempts ? BACKOFF_MS * 2 ** (attempt - 1) : undefined),
      sleep: (ms) => http.sleep(ms),
    },
  );
  if ('value' in outcome) return outcome.value;
  throw new FieldError(`${what} answered ${outcome.gaveUp} (after ${outcome.attempts} attempts)`);
}

/**
 * Field data from the Chrome UX Report API for the measured URLs, with the form factor of the lab device:
 * the URL's record, else its origin's (marked `scope: origin`), else nothing for that URL.
 */
export async function fetchCrux(
  urls: readonly string[],
  options: CruxOptions,
  now: Date,
  http: HttpDeps,
): Promise<FieldSnapshot> {
  const pages: Record<string, FieldPage> = {};
  const origins = new Map<string, CruxRecord | undefined>();
  let period: FieldSnapshot['period'] = {};
  for (const url of urls) {
    let record = await queryRecord({ url }, options, http);
    let key = normalizePage(url);
    if (!record) {
      const origin = new URL(url).origin;
      if (!origins.has(origin)) origins.set(origin, await queryRecord({ origin }, options, http));
      record = origins.get(origin);
      key = '*';
    }
    if (!record) continue;
    pages[key] = { ...parseCruxRecord(record), scope: key === '*' ? 'origin' : 'page' };
    const from = isoDate(record.collectionPeriod?.firstDate);
    const to = isoDate(record.collectionPeriod?.lastDate);
    if (from && to) period = { from, to };
  }
  return {
    source: 'crux',
    description: `CrUX API, ${options.formFactor}`,
    period,
    formFactor: options.formFactor === 'PHONE' ? 'phone' : 'desktop',
    collectedAt: now.toISOString(),
    pages,
  };
}
