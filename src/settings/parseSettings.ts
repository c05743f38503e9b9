import { UserError } from '../errors/UserError.js';
import { expandTemplate, type TemplateValues } from './expandTemplate.js';
import { INPUT_DEFINITIONS } from './inputDefinitions.js';
import type { Device, RequestOptions, RumSettings, RumSource, Settings, Throttling } from './Settings.js';
import { redactCredentials, splitUrlList } from './splitUrlList.js';

/** Reads one raw input by its name (`runs`, `base-url` …); empty or absent = undefined. */
export type InputReader = (name: string) => string | undefined;

function defaultOf(name: string): string | undefined {
  return INPUT_DEFINITIONS.find((input) => input.name === name)?.default;
}

/** An input's value, or its documented default when it is empty. */
export function read(get: InputReader, name: string): string | undefined {
  const value = get(name)?.trim();
  return value ? value : defaultOf(name);
}

/** An input that has a default in INPUT_DEFINITIONS (the one place defaults are written): never empty. */
export function readDefaulted(get: InputReader, name: string): string {
  const value = read(get, name);
  if (value === undefined) throw new Error(`Input '${name}' has no default in INPUT_DEFINITIONS`);
  return value;
}

function parseInteger(get: InputReader, name: string, min: number, max: number): number {
  const raw = read(get, name) ?? '';
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new UserError(`Invalid input '${name}': '${raw}'. Expected a whole number from ${min} to ${max}.`);
  }
  return Number(raw);
}

export function parseChoice<T extends string>(get: InputReader, name: string, choices: readonly T[]): T {
  const raw = (read(get, name) ?? '').toLowerCase();
  if (!(choices as readonly string[]).includes(raw)) {
    throw new UserError(`Invalid input '${name}': '${raw}'. Expected one of: ${choices.join(', ')}.`);
  }
  return raw as T;
}

export function parseBoolean(get: InputReader, name: string): boolean {
  const raw = (read(get, name) ?? '').toLowerCase();
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new UserError(`Invalid input '${name}': '${raw}'. Expected true or false.`);
}

/** Credentials in a URL would be printed in every log line and written to results.json: refused. */
function refuseCredentials(url: URL, input: string): void {
  if (url.username || url.password) {
    throw new UserError(
      `Invalid input '${input}': a URL for ${url.host} carries a user name or password (user:password@host), which would be printed in logs and written to results.json; it is not shown here. Send credentials with extra-headers (e.g. "Authorization: Basic …" from a secret) or cookies instead.`,
    );
  }
}

function parseBaseUrl(raw: string | undefined, input = 'base-url'): URL | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UserError(
      `Invalid input '${input}': '${redactCredentials(raw)}'. Expected an absolute http(s) URL such as https://preview.example.com.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(
      `Invalid input '${input}': '${redactCredentials(raw)}'. Expected an http:// or https:// URL.`,
    );
  }
  refuseCredentials(url, input);
  return url;
}

/**
 * The baseline counterpart of a measured URL: its path (minus the base-url's path prefix) and query under
 * the baseline's origin and prefix.
 */
export function baselineFor(url: string, baselineUrl: string, baseUrl?: string): string {
  const target = new URL(url);
  const candidatePrefix = baseUrl ? new URL(baseUrl).pathname.replace(/\/+$/, '') : '';
  const path =
    candidatePrefix && target.pathname.startsWith(candidatePrefix)
      ? target.pathname.slice(candidatePrefix.length) || '/'
      : target.pathname;
  const base = new URL(baselineUrl);
  return new URL(`${base.pathname.replace(/\/+$/, '')}${path}${target.search}`, base.origin).href;
}

/** Joins a relative path to the base URL, keeping the base URL's own path prefix. */
function joinToBase(base: URL, relative: string): string {
  const prefix = base.pathname.replace(/\/+$/, '');
  return new URL(`${prefix}${relative}`, base.origin).href;
}

/**
 * Splits the `urls` input (see splitUrlList: newlines, and commas only before a URL or a path) and
 * resolves each entry to an absolute URL. A relative entry must stay on base-url's origin (`//host/x` and
 * `/\host` are refused); credentials in a URL are refused without echoing them.
 */
export function parseUrls(rawUrls: string | undefined, rawBase: string | undefined): string[] {
  const base = parseBaseUrl(rawBase);
  const entries = splitUrlList(rawUrls);
  if (entries.length === 0) {
    throw new UserError(
      "Missing input 'urls'. Expected one or more URLs, one per line (or separated by commas before each URL or path), e.g. 'https://preview.example.com/' or '/' with base-url.",
    );
  }
  const urls = entries.map((entry) => {
    const shown = redactCredentials(entry);
    if (entry.startsWith('/')) {
      if (!base) {
        throw new UserError(
          `Invalid input 'urls': '${shown}' is a relative path but 'base-url' is not set. Expected an absolute URL, or set base-url.`,
        );
      }
      const joined = new URL(joinToBase(base, entry));
      if (/^[/\\][/\\]/.test(entry) || joined.origin !== base.origin) {
        throw new UserError(
          `Invalid input 'urls': '${shown}' would leave base-url's host ${base.host} (an entry starting with // names another host). Expected a path with a single leading /, or a full URL.`,
        );
      }
      return joined.href;
    }
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new UserError(
        `Invalid input 'urls': '${shown}'. Expected an absolute http(s) URL or a path starting with /.`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new UserError(`Invalid input 'urls': '${shown}'. Expected an http:// or https:// URL.`);
    }
    refuseCredentials(url, 'urls');
    return url.href;
  });
  return [...new Set(urls)];
}

function parseTraceUrl(raw: string): string {
  let valid = raw.includes('{traceId}');
  let url: URL | undefined;
  try {
    url = new URL(raw.replaceAll('{traceId}', '0'.repeat(32)));
    valid &&= url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    valid = false;
  }
  // The link is rendered in every report and PR comment.
  if (url) refuseCredentials(url, 'trace-url');
  if (!valid) {
    throw new UserError(
      `Invalid input 'trace-url': '${redactCredentials(raw)}'. Expected an http(s) URL containing {traceId}, e.g. https://tempo.example/trace/{traceId}.`,
    );
  }
  return raw;
}

/** The field data source inputs (`rum-*`, `crux-api-key`). */
export function parseRum(get: InputReader): RumSettings {
  const file = read(get, 'rum-file');
  const url = read(get, 'rum-url');
  const cruxApiKey = read(get, 'crux-api-key');
  const explicit = get('rum-source')?.trim();
  const source = explicit
    ? parseChoice<RumSource>(get, 'rum-source', ['none', 'file', 'crux', 'prometheus', 'loki'])
    : file
      ? 'file'
      : 'none';
  // An input that the chosen source never reads is a mistake, not a default: say so instead of ignoring it.
  if (explicit && file && source !== 'file') {
    throw new UserError(
      `Conflicting inputs: 'rum-file' is set but 'rum-source' is '${source}'. Remove rum-file, or set rum-source to file.`,
    );
  }
  if (explicit && get('rum-url')?.trim() && (source === 'none' || source === 'file')) {
    throw new UserError(
      `Conflicting inputs: 'rum-url' is set but 'rum-source' is '${source}'. Remove rum-url, or set rum-source to prometheus or loki.`,
    );
  }
  const need = (input: string, value: string | undefined, expected: string) => {
    if (!value) throw new UserError(`Missing input '${input}': rum-source '${source}' needs ${expected}.`);
  };
  if (source === 'file')
    need('rum-file', file, 'the path of a field data snapshot (JSON) or beacons (NDJSON)');
  if (source === 'crux') need('crux-api-key', cruxApiKey, 'a Chrome UX Report API key');
  if (source === 'prometheus' || source === 'loki')
    need('rum-url', url, `the base URL of the ${source} server`);
  if (url && source !== 'none') {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {}
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      throw new UserError(
        `Invalid input 'rum-url': '${redactCredentials(url)}'. Expected an http(s) URL such as http://prometheus:9090.`,
      );
    }
    // Node's fetch refuses such URLs anyway, and the URL is shown in warnings and written to results.json.
    refuseCredentials(parsed, 'rum-url');
  }
  return {
    source,
    ...(file ? { file } : {}),
    ...(url ? { url } : {}),
    ...(cruxApiKey ? { cruxApiKey } : {}),
  };
}

/** Lines of an input (newlines; also commas when `commas`), trimmed, without empty lines and # comments. */
function lines(raw: string | undefined, commas = false): string[] {
  return (raw ?? '')
    .split(commas ? /[\n,]/ : /\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const COOKIE_NAME = HEADER_NAME;

/** `extra-headers` (`Name: value` lines), `cookies` (`name=value` lines) and `block` (patterns). */
export function parseRequestOptions(get: InputReader): RequestOptions {
  const headers: Record<string, string> = {};
  for (const line of lines(get('extra-headers'))) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (colon < 1 || !HEADER_NAME.test(name) || !value) {
      // The value may be a secret: name the line by its header name only.
      throw new UserError(
        `Invalid input 'extra-headers': a line ${colon < 1 ? 'without a header name' : `for '${name.slice(0, 40)}'`} is not a header. Expected one "Name: value" per line.`,
      );
    }
    if (['host', 'cookie', 'content-length', 'traceparent'].includes(name.toLowerCase())) {
      throw new UserError(
        `Invalid input 'extra-headers': '${name}' cannot be set here${name.toLowerCase() === 'cookie' ? '; use the cookies input' : ''}.`,
      );
    }
    headers[name] = value;
  }
  const cookies = lines(get('cookies')).map((line) => {
    const equals = line.indexOf('=');
    const name = line.slice(0, equals).trim();
    const value = line.slice(equals + 1).trim();
    if (equals < 1 || !COOKIE_NAME.test(name) || /[;\s]/.test(value)) {
      throw new UserError(
        `Invalid input 'cookies': a line ${equals < 1 ? 'without a cookie name' : `for '${name.slice(0, 40)}'`} is not a cookie. Expected one name=value per line (no ; or spaces in the value).`,
      );
    }
    return { name, value };
  });
  const rawBlock = read(get, 'block') ?? '';
  const block = rawBlock.toLowerCase() === 'none' ? [] : lines(rawBlock, true);
  return { headers, cookies, block };
}

/** Every secret value in the settings (header values, cookie values, the CrUX key), for masking. */
export function secretValues(settings: Pick<Settings, 'request' | 'rum'>): string[] {
  return [
    ...Object.values(settings.request.headers),
    ...settings.request.cookies.map((cookie) => cookie.value),
    ...(settings.rum.cruxApiKey ? [settings.rum.cruxApiKey] : []),
  ];
}

/**
 * Parses every input once into the typed settings. Throws a UserError naming the input and the expected
 * format on the first invalid one. `{pr}`, `{sha}`, `{short-sha}` and `{branch-slug}` in urls, base-url and
 * baseline-url are replaced from `values`; `previewUrl` (from a deployment event) is the base-url when none
 * is given, and `/` the URL when none is given either.
 */
export function parseSettings(get: InputReader, values: TemplateValues = {}, previewUrl?: string): Settings {
  const template = (name: string) => {
    const raw = read(get, name);
    return raw === undefined ? undefined : expandTemplate(name, raw, values);
  };
  const budgetsPath = read(get, 'budgets');
  const chromePath = read(get, 'chrome-path');
  const traceUrl = read(get, 'trace-url');
  const baseUrl = template('base-url') ?? previewUrl;
  const runs = parseInteger(get, 'runs', 1, 50);
  const settings: Settings = {
    urls: parseUrls(template('urls') ?? (previewUrl ? '/' : undefined), baseUrl),
    runs,
    device: parseChoice<Device>(get, 'device', ['mobile', 'desktop']),
    throttling: parseChoice<Throttling>(get, 'throttling', ['device', 'none']),
    lighthouse: parseBoolean(get, 'lighthouse'),
    profileInteractions: parseBoolean(get, 'profile-interactions'),
    outputDir: readDefaulted(get, 'output-dir'),
    timeoutMs: parseInteger(get, 'timeout', 1, 600) * 1000,
    rum: parseRum(get),
    maxRuns: read(get, 'max-runs') ? parseInteger(get, 'max-runs', runs, 50) : Math.min(50, runs * 2),
    regressionTolerance: parseInteger(get, 'regression-tolerance', 1, 100) / 100,
    waitTimeoutMs: parseInteger(get, 'wait-timeout', 0, 3600) * 1000,
    request: parseRequestOptions(get),
  };
  if (baseUrl) settings.baseUrl = baseUrl;
  const baselineUrl = template('baseline-url');
  if (baselineUrl) settings.baselineUrl = parseBaseUrl(baselineUrl, 'baseline-url')?.href as string;
  else if (get('max-runs')?.trim()) {
    throw new UserError(
      "Conflicting inputs: 'max-runs' is set but 'baseline-url' is not; max-runs bounds the run pairs of a baseline comparison. Remove max-runs, or set baseline-url.",
    );
  }
  if (budgetsPath) settings.budgetsPath = budgetsPath;
  if (chromePath) settings.chromePath = chromePath;
  if (traceUrl) settings.traceUrl = parseTraceUrl(traceUrl);
  return settings;
}
