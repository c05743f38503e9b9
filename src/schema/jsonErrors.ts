import type { ErrorObject } from 'ajv';
import { UserError } from '../errors/UserError.js';
import { locateJsonError } from './locateJsonError.js';

/**
 * What each `pattern` of the schemas means, by the pattern itself: every pattern gets its own message
 * (a window is not a path). An unlisted pattern is named as it is.
 */
const PATTERN_MEANINGS: Record<string, string> = {
  '^/[^?#]*$':
    'a path pattern starting with / and without ? or # (a pattern matches the URL path only; the query string is ignored), e.g. "/", "/product/*", "/**"',
  '^/': 'a path or route pattern starting with /, e.g. "/product/*"',
  '^[0-9]+[smhdwy]$': 'a duration: a whole number and a unit s, m, h, d, w or y, e.g. "7d" or "12h"',
};

/** `/budgets/0/metrics/LCP` → `budgets[0].metrics.LCP` (the root is `(root)`). */
export function toJsonPath(instancePath: string): string {
  if (!instancePath) return '(root)';
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

function describeSchemaError(error: ErrorObject, prefix: string): string {
  const at = toJsonPath(prefix + error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys(
        (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {},
      );
      return `${at}: unknown property '${String(params.additionalProperty)}'; expected one of: ${allowed.join(', ')}`;
    }
    case 'required':
      return `${at}: missing property '${String(params.missingProperty)}'`;
    case 'type':
      return `${at}: expected ${String(params.type).replace(',', ' or ')}`;
    case 'minimum':
      return `${at}: expected a number >= ${String(params.limit)}`;
    case 'maximum':
      return `${at}: expected a number <= ${String(params.limit)}`;
    case 'minProperties': {
      const names = Object.keys(
        (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {},
      ).filter(
        (name) =>
          !['relativeTo', 'tolerance', 'warnTolerance', 'subparts', 'thirdPartyScripts'].includes(name),
      );
      return `${at}: expected at least one of ${names.join(', ').replace(/, ([^,]*)$/, ' or $1')}`;
    }
    case 'minLength':
      return `${at}: expected a non-empty string (a CSS selector or key name)`;
    case 'oneOf':
      return `${at}: expected exactly one action: click, tap, type (with text), press, hover, scroll or wait`;
    case 'dependencies':
      return params.property === 'text'
        ? `${at}: 'text' goes with a 'type' step`
        : `${at}: '${String(params.property)}' needs '${String(params.missingProperty)}'`;
    case 'const':
      return `${at}: expected ${JSON.stringify(params.allowedValue)}`;
    case 'pattern': {
      const pattern = String(params.pattern);
      const shown = typeof error.data === 'string' ? ` got '${error.data.slice(0, 80)}';` : '';
      return `${at}:${shown} expected ${PATTERN_MEANINGS[pattern] ?? `a string matching ${pattern}`}`;
    }
    case 'enum':
      return `${at}: expected one of: ${((params.allowedValues as unknown[]) ?? []).join(', ')}`;
    case 'propertyNames':
      return `${at}: key '${String(params.propertyName)}' must be a path starting with / (or * for the whole origin)`;
    default:
      return `${at}: ${error.message ?? 'invalid'}`;
  }
}

/** Line and column (1-based) of a character offset; counts without splitting a 10 MB text into lines. */
function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/**
 * Parses JSON; a leading UTF-8 byte order mark is accepted (editors on Windows write one). A syntax error
 * becomes a UserError naming `what` (e.g. `Budgets file 'b.json'`), the line and column, and what was
 * expected there.
 */
export function parseJson(text: string, what: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (error) {
    const location = locateJsonError(body);
    if (!location) throw new UserError(`${what} is not valid JSON: ${String(error)}`);
    const snippet = body.slice(location.offset, location.offset + 12).split(/[\r\n]/)[0] ?? '';
    const found =
      location.offset >= body.length
        ? 'the end of the file'
        : snippet
          ? JSON.stringify(snippet)
          : 'a line break';
    throw new UserError(
      `${what} is not valid JSON at ${lineAndColumn(body, location.offset)}: expected ${location.expected}, found ${found}.`,
    );
  }
}

/**
 * One readable line per schema error; a failed oneOf hides the `required` errors of its branches.
 * `prefix` is the JSON pointer of the validated part (`/budgets/3` when one entry was validated alone).
 */
export function describeSchemaErrors(errors: readonly ErrorObject[], prefix = ''): string[] {
  return [...new Set(relevantErrors(errors).map((error) => describeSchemaError(error, prefix)))];
}

/** The errors describeSchemaErrors would describe: a failed oneOf hides the errors of its branches. */
export function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  return errors.filter((e) => !(oneOfPaths.has(e.instancePath) && e.schemaPath.includes('/oneOf/')));
}
