/** Where a JSON text stops being JSON: the offset of the first character that cannot be there. */
export interface JsonErrorLocation {
  offset: number;
  /** What the parser expected at that point, e.g. `',' or '}'`. */
  expected: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// biome-ignore lint/suspicious/noControlCharactersInRegex: a JSON string may not hold raw control characters (RFC 8259).
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/**
 * Scans a JSON text that JSON.parse refused and returns where it first goes wrong (V8's messages do not
 * always carry a position). An explicit stack instead of recursion: `[[[[…` a million deep cannot
 * overflow it. Returns undefined when the text is valid JSON.
 */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  let i = 0;
  const skip = () => {
    while (i < text.length && WHITESPACE.has(text[i] as string)) i++;
  };
  const fail = (expected: string): JsonErrorLocation => ({ offset: i, expected });
  const stack: ('[' | '{')[] = [];
  let justOpened = false;
  /** Reads one scalar at i, or opens a container (pushed on the stack); a location when nothing fits. */
  const value = (): JsonErrorLocation | undefined => {
    skip();
    const char = text[i];
    if (char === '{' || char === '[') {
      stack.push(char);
      i++;
      justOpened = true;
      return undefined;
    }
    for (const pattern of [STRING, NUMBER]) {
      pattern.lastIndex = i;
      if (pattern.test(text)) {
        i = pattern.lastIndex;
        return undefined;
      }
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return undefined;
      }
    }
    if (char === '"') return fail('a string closed by " (no raw line breaks or bad escapes inside)');
    return fail('a value (string, number, object, array, true, false or null)');
  };
  const key = (): JsonErrorLocation | undefined => {
    skip();
    STRING.lastIndex = i;
    if (text[i] !== '"' || !STRING.test(text)) return fail('a property name in double quotes');
    i = STRING.lastIndex;
    skip();
    if (text[i] !== ':') return fail("':' after the property name");
    i++;
    return undefined;
  };
  // After a value: close containers or expect a separator.
  let problem = value();
  while (!problem) {
    const open = stack.at(-1);
    skip();
    if (!open) {
      return i < text.length ? fail('the end of the text (one JSON value only)') : undefined;
    }
    const close = open === '[' ? ']' : '}';
    if (justOpened) {
      // Just opened: it may close at once, or its first entry follows.
      justOpened = false;
      if (text[i] === close) {
        stack.pop();
        i++;
      } else problem = open === '{' ? (key() ?? value()) : value();
      continue;
    }
    if (text[i] === ',') {
      i++;
      if (open === '{') {
        problem = key() ?? value();
      } else problem = value();
      continue;
    }
    if (text[i] === close) {
      stack.pop();
      i++;
      continue;
    }
    problem = fail(open === '[' ? "',' or ']'" : "',' or '}'");
  }
  return problem;
}
