import { parse as parseYaml, YAMLParseError } from 'yaml';
import { UserError } from '../../errors/UserError.js';
import { parseJson } from '../../schema/jsonErrors.js';
import { findDuplicateJsonKeys, parseJsConfig } from './parseJsLiteral.js';

/**
 * Parses a budgets or Lighthouse configuration file by its extension: `.yml`/`.yaml` as YAML, `.js`/`.cjs`/
 * `.mjs` as a JavaScript object literal read as data (never run), anything else as JSON. A key given twice
 * in one object is an error in all three (JSON.parse and JavaScript would silently keep the last).
 */
export function parseConfigText(text: string, file: string): unknown {
  const what = `Budgets file '${file}'`;
  const extension = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (extension === 'yml' || extension === 'yaml') {
    try {
      return parseYaml(text, { uniqueKeys: true });
    } catch (error) {
      if (error instanceof YAMLParseError) {
        const at = error.linePos?.[0]
          ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}`
          : '';
        const reason =
          error.code === 'DUPLICATE_KEY'
            ? 'a key is given twice in one mapping'
            : (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
        throw new UserError(`${what} is not valid YAML${at}: ${reason}`);
      }
      throw error;
    }
  }
  if (extension === 'js' || extension === 'cjs' || extension === 'mjs') return parseJsConfig(text, what);
  const data = parseJson(text, what);
  findDuplicateJsonKeys(text, what);
  return data;
}
