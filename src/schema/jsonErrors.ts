import type { ErrorObject } from 'ajv';
import { UserError } from '../errors/UserError.js';

/** `/budgets/0/metrics/LCP` → `budgets[0].metrics.LCP` (the root is `(root)`). */
export function toJsonPath(instancePath: string): string {
  if (!instancePath) return '(root)';
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

function describeSchemaError(error: ErrorObject): string {
  const at = toJsonPath(error.instancePath);
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
      return `${at}: expected ${String(params.type)}`;
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
    case 'pattern':
      return `${at}: expected a path pattern starting with / (e.g. "/", "/product/*", "/**")`;
    case 'enum':
      return `${at}: expected one of: ${((params.allowedValues as unknown[]) ?? []).join(', ')}`;
    case 'propertyNames':
      return `${at}: key '${String(params.propertyName)}' must be a path starting with / (or * for the whole origin)`;
    default:
      return `${at}: ${error.message ?? 'invalid'}`;
  }
}

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** Parses JSON; a syntax error becomes a UserError naming `what` (e.g. `Budgets file 'b.json'`), line and column. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
    throw new UserError(`${what} is not valid JSON${where}: ${message}`);
  }
}

/** One readable line per schema error; a failed oneOf hides the `required` errors of its branches. */
export function describeSchemaErrors(errors: readonly ErrorObject[]): string[] {
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const relevant = errors.filter(
    (e) => !(oneOfPaths.has(e.instancePath) && e.schemaPath.includes('/oneOf/')),
  );
  return [...new Set(relevant.map(describeSchemaError))];
}
