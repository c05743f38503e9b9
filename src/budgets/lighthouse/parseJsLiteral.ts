import { UserError } from '../../errors/UserError.js';

/**
 * Reads a JavaScript object literal as data, never running it: objects (identifier, string or number keys,
 * trailing commas), arrays, strings ('…', "…", `…` without `${}`), numbers (a leading - too), true, false,
 * null, and comments. A repeated key in one object is an error (JavaScript would silently keep the last).
 * Anything else — a variable, a function call, a spread, `require()` — is an error naming line and column.
 */
/** Deeper objects and arrays are refused (a budgets file needs fewer than ten levels). */
const MAX_DEPTH = 256;

export class JsLiteralReader {
  private position = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly what: string,
  ) {}

  /** Line and column (1-based) of an offset. */
  where(offset = this.position): string {
    const before = this.text.slice(0, offset).split('\n');
    return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
  }

  fail(expected: string, offset = this.position): never {
    const found = this.text.slice(offset, offset + 20).split('\n')[0] || 'the end of the file';
    throw new UserError(
      `${this.what} at ${this.where(offset)}: expected ${expected}, found '${found}'. vitals-gate reads a lighthouserc.js as data and never runs it: write the values literally (or use lighthouserc.json).`,
    );
  }

  /** Skips white space and comments. */
  skip(): void {
    for (;;) {
      const rest = this.text.slice(this.position);
      const match = /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)/.exec(rest);
      if (!match || match[0].length === 0) return;
      this.position += match[0].length;
    }
  }

  /** Consumes `token` (after white space) when it is next; says whether it was. */
  eat(token: string | RegExp): string | undefined {
    this.skip();
    const rest = this.text.slice(this.position);
    if (typeof token === 'string') {
      if (!rest.startsWith(token)) return undefined;
      this.position += token.length;
      return token;
    }
    const match = token.exec(rest);
    if (match?.index !== 0) return undefined;
    this.position += match[0].length;
    return match[0];
  }

  atEnd(): boolean {
    this.skip();
    return this.position >= this.text.length;
  }

  value(path: string): unknown {
    this.skip();
    const start = this.position;
    if (this.text[this.position] === '{' || this.text[this.position] === '[') {
      // Objects and arrays are read recursively: a bound keeps `[[[[…` from overflowing the stack.
      if (++this.depth > MAX_DEPTH) this.fail(`at most ${MAX_DEPTH} levels of nesting`);
      try {
        if (this.eat('{')) return this.object(path);
        this.eat('[');
        return this.array(path);
      } finally {
        this.depth--;
      }
    }
    const string = this.string();
    if (string !== undefined) return string;
    const number = this.eat(/-?(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/);
    if (number !== undefined) return Number(number);
    const word = this.eat(/[A-Za-z_$][\w$]*/);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return this.fail('a plain value (object, array, string, number, true, false or null)', start);
  }

  private string(): string | undefined {
    this.skip();
    const quote = this.text[this.position];
    if (quote !== '"' && quote !== "'" && quote !== '`') return undefined;
    const start = this.position;
    let result = '';
    let i = this.position + 1;
    for (; i < this.text.length; i++) {
      const char = this.text[i] as string;
      if (char === quote) break;
      if (quote === '`' && char === '$' && this.text[i + 1] === '{')
        this.fail('a string without substitutions ($ then {)', i);
      if (char === '\n' && quote !== '`') this.fail('the end of the string', i);
      if (char === '\\') {
        const next = this.text[++i] ?? '';
        const escapes: Record<string, string> = {
          n: '\n',
          t: '\t',
          r: '\r',
          b: '\b',
          f: '\f',
          v: '\v',
          0: '\0',
        };
        if (next === 'u') {
          const hex = /^\{([0-9a-fA-F]+)\}|^([0-9a-fA-F]{4})/.exec(this.text.slice(i + 1));
          if (!hex) this.fail('a \\u escape', i);
          result += String.fromCodePoint(Number.parseInt(hex[1] ?? hex[2] ?? '0', 16));
          i += hex[0].length;
        } else if (next === '\r' || next === '\n') {
          if (next === '\r' && this.text[i + 1] === '\n') i++;
        } else result += escapes[next] ?? next;
        continue;
      }
      result += char;
    }
    if (i >= this.text.length) this.fail('the end of the string', start);
    this.position = i + 1;
    return result;
  }

  private object(path: string): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const seen = new Set<string>();
    for (;;) {
      if (this.eat('}')) return result;
      this.skip();
      const keyStart = this.position;
      if (this.text.startsWith('...', keyStart)) this.fail('a key (spreads are not read)', keyStart);
      const key = this.string() ?? this.eat(/[A-Za-z_$][\w$]*|\d+/);
      if (key === undefined) this.fail('a key or }', keyStart);
      const keyPath = /^[A-Za-z_$][\w$]*$/.test(key)
        ? `${path ? `${path}.` : ''}${key}`
        : `${path}[${JSON.stringify(key)}]`;
      if (seen.has(key)) {
        throw new UserError(
          `${this.what} at ${this.where(keyStart)}: duplicate key '${key}' (${keyPath}); only one may be given.`,
        );
      }
      seen.add(key);
      if (!this.eat(':')) this.fail(`':' after the key '${key}'`);
      result[key] = this.value(keyPath);
      if (this.eat('}')) return result;
      if (!this.eat(',')) this.fail("',' or '}'");
    }
  }

  private array(path: string): unknown[] {
    const result: unknown[] = [];
    for (;;) {
      if (this.eat(']')) return result;
      result.push(this.value(`${path}[${result.length}]`));
      if (this.eat(']')) return result;
      if (!this.eat(',')) this.fail("',' or ']'");
    }
  }
}

/** Reads a JSON text for repeated keys (JSON.parse keeps the last silently); the syntax is checked before. */
export function findDuplicateJsonKeys(text: string, what: string): void {
  const reader = new JsLiteralReader(text, what);
  reader.value('');
}

/**
 * Reads a lighthouserc.js / .cjs as data: `module.exports = { … };` or `export default { … };`, optionally
 * preceded by `'use strict';`. Nothing is evaluated.
 */
export function parseJsConfig(text: string, what: string): unknown {
  const reader = new JsLiteralReader(text, what);
  reader.eat(/(['"])use strict\1\s*;?/);
  if (!reader.eat(/module\.exports\s*=/) && !reader.eat(/export\s+default\b/)) {
    reader.fail("'module.exports = {' or 'export default {'");
  }
  const data = reader.value('');
  reader.eat(';');
  if (!reader.atEnd()) reader.fail('the end of the file after the exported object');
  return data;
}
