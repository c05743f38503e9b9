/** Emulated device class; decides screen emulation, user agent and throttling (Lighthouse's presets). */
export type Device = 'mobile' | 'desktop';

/** `device` applies the profile's network and CPU throttling; `none` measures the machine as it is. */
export type Throttling = 'device' | 'none';

/** Where production field data (RUM percentiles) comes from. */
export type RumSource = 'none' | 'file' | 'crux' | 'prometheus' | 'loki';

export interface RumSettings {
  source: RumSource;
  /** `file`: a snapshot (JSON, field-data.schema.json) or web-vitals beacons (NDJSON). */
  file?: string;
  /** `prometheus` / `loki`: the server's base URL; `crux`: an alternative API origin (tests, proxies). */
  url?: string;
  /** `crux`: the API key. A secret: masked in logs, never written to results. */
  cruxApiKey?: string;
}

/** What a run adds to, or removes from, the page's requests. */
export interface RequestOptions {
  /**
   * Headers sent only to the origins of the measured URLs (protected previews). Secrets: masked in logs,
   * replaced by `***` in results.json, never rendered.
   */
  headers: Record<string, string>;
  /** Cookies set HttpOnly for the origins of the measured URLs only. Secrets, like the headers. */
  cookies: { name: string; value: string }[];
  /** URL patterns (`*` wildcards) that every run blocks. */
  block: string[];
}

/** Every option of a gate run, parsed and validated once. */
export interface Settings {
  /** Absolute http(s) URLs to measure, in order, without duplicates. */
  urls: string[];
  /** The base-url relative entries were joined to (its path prefix is not part of a page's path). */
  baseUrl?: string;
  /** Path of the budgets file; undefined = the default Core Web Vitals budgets. */
  budgetsPath?: string;
  /** Page loads per URL (1-50). */
  runs: number;
  device: Device;
  throttling: Throttling;
  /** Whether one Lighthouse navigation per URL is run (TBT, performance score, HTML report). */
  lighthouse: boolean;
  /** Whether one extra run per URL with interactions profiles them (third-party time inside handlers). */
  profileInteractions: boolean;
  /** Explicit Chrome executable; undefined = discover it. */
  chromePath?: string;
  /** Folder that receives results.json, report.md and Lighthouse reports. */
  outputDir: string;
  /** Milliseconds one run (load, settling, interactions, a second LCP load) may take. */
  timeoutMs: number;
  /**
   * Link template for the backend trace of a run's document request, with `{traceId}` (e.g. a Tempo or
   * Jaeger URL); every run sends a sampled W3C `traceparent` header whatever this is.
   */
  traceUrl?: string;
  /** Production field data to compare with; `source: none` = no comparison. */
  rum: RumSettings;
  /**
   * Origin (and optional path prefix) of the baseline (production, or the base branch's preview). Each
   * measured URL's path and query are loaded there too, interleaved with the candidate in the same Chrome.
   */
  baselineUrl?: string;
  /** With a baseline: the most run pairs per URL while a comparison stays inconclusive (≥ runs). */
  maxRuns: number;
  /** With a baseline: the relative change that matters (0.1 = 10 %). */
  regressionTolerance: number;
  /** Milliseconds to wait for every URL to answer before measuring; 0 = measure at once. */
  waitTimeoutMs: number;
  request: RequestOptions;
}
