import type { ReadText } from '../budgets/loadBudgets.js';
import { UserError } from '../errors/UserError.js';
import type { GateResults } from '../results/GateResults.js';

/**
 * Strips markdown and HTML punctuation from every string of an untrusted results file (a fork's
 * workflow can upload anything), so nothing in it can become a link, image, mention or markup when it
 * is rendered by a privileged workflow. Numbers, booleans and structure are kept.
 */
export function neutralizeStrings(value: unknown): unknown {
  if (typeof value === 'string')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters go too.
    return value.replace(/[<>[\]()`|!@*_~\\\u0000-\u001f\u007f]/g, ' ').slice(0, 2000);
  if (Array.isArray(value)) return value.slice(0, 500).map(neutralizeStrings);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, neutralizeStrings(item)]));
  }
  return value;
}

function shapeError(path: string, field: string, expected: string): UserError {
  return new UserError(`Results file '${path}' is not a vitals-gate results.json: ${field} ${expected}.`);
}

/**
 * Reads a results.json another run wrote (comment-only mode), checks its shape, and neutralises its
 * strings — unless `sameRun`: shard results merged in the run that measured them (the report escapes
 * page content anyway). Errors name the file and the field.
 */
export async function readResultsFile(
  path: string,
  readText: ReadText,
  options: { sameRun?: boolean } = {},
): Promise<GateResults> {
  let text: string;
  try {
    text = await readText(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError(
        `Results file '${path}' does not exist: comment-only mode publishes the results.json of a measuring run (its artifact, or output-dir).`,
      );
    }
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UserError(`Results file '${path}' is not valid JSON: ${(error as Error).message}.`);
  }
  const results = data as Partial<GateResults> | null;
  if (!results || typeof results !== 'object') throw shapeError(path, 'the file', 'must be a JSON object');
  if (results.schemaVersion !== 1) throw shapeError(path, 'schemaVersion', 'must be 1');
  if (results.tool?.name !== 'vitals-gate') throw shapeError(path, 'tool.name', "must be 'vitals-gate'");
  if (!Array.isArray(results.urls)) throw shapeError(path, 'urls', 'must be an array');
  if (!results.settings || typeof results.settings !== 'object')
    throw shapeError(path, 'settings', 'must be an object');
  if (!results.verdict || !['pass', 'warn', 'fail', 'error', 'cancelled'].includes(results.verdict.status))
    throw shapeError(path, 'verdict.status', 'must be pass, warn, fail, error or cancelled');
  for (const [index, url] of results.urls.entries()) {
    if (typeof url?.url !== 'string' || !URL.canParse(url.url))
      throw shapeError(path, `urls[${index}].url`, 'must be an absolute URL');
    if (!url.aggregate || !url.verdict || !Array.isArray(url.runs))
      throw shapeError(path, `urls[${index}]`, 'must have runs, aggregate and verdict');
  }
  return options.sameRun ? (results as GateResults) : (neutralizeStrings(results) as GateResults);
}
