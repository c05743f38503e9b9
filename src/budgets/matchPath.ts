/**
 * One step of a compiled path pattern: a literal character, `*` (any run of characters but `/`), `**`
 * (any run of characters), or the optional `/` that opens a trailing or inner `/**` (`/blog/**` also
 * matches `/blog`: the `/` and what follows may be absent together).
 */
type Token =
  | { kind: 'char'; char: string }
  | { kind: 'segment' }
  | { kind: 'any' }
  | { kind: 'optionalSlash'; skipTo: number };

/** A path pattern compiled for matching; `test` runs in O(path × pattern) time, with no backtracking. */
export interface PathPattern {
  test(path: string): boolean;
}

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    const previous = tokens.at(-1);
    if (char === '*' && pattern[i + 1] === '*') {
      const atSegmentEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
      if (previous?.kind === 'char' && previous.char === '/' && atSegmentEnd) {
        // `/**` (then the end or `/`): `(?:/.*)?` — the slash and the rest are optional together.
        tokens[tokens.length - 1] = { kind: 'optionalSlash', skipTo: tokens.length + 1 };
        tokens.push({ kind: 'any' });
        i += pattern[i + 2] === '/' ? 2 : 1;
        continue;
      }
      if (previous?.kind !== 'any') tokens.push({ kind: 'any' });
      i++;
    } else if (char === '*') {
      // `**` after `*` (or `*` after either) matches no more than the wider one alone.
      if (previous?.kind !== 'segment' && previous?.kind !== 'any') tokens.push({ kind: 'segment' });
    } else tokens.push({ kind: 'char', char });
  }
  return tokens;
}

/** Adds state `start` and every state reachable from it without reading a character (no recursion). */
function addState(tokens: readonly Token[], states: Uint8Array, start: number): void {
  const pending = [start];
  for (let index = pending.pop(); index !== undefined; index = pending.pop()) {
    if (states[index]) continue;
    states[index] = 1;
    const token = tokens[index];
    if (token?.kind === 'segment' || token?.kind === 'any') pending.push(index + 1);
    else if (token?.kind === 'optionalSlash') pending.push(token.skipTo);
  }
}

/**
 * Compiles a budgets path pattern: `*` matches within one path segment, `**` across segments, every
 * other character itself. Matching simulates all positions in the pattern at once (a Thompson NFA), so a
 * pattern like `/*a*a*a*a*a*a*b` costs at most path length × pattern length steps — never a regular
 * expression that backtracks.
 */
export function compilePathPattern(pattern: string): PathPattern {
  const tokens = tokenize(pattern);
  const size = tokens.length + 1;
  return {
    test(path: string): boolean {
      let current = new Uint8Array(size);
      addState(tokens, current, 0);
      for (const char of path) {
        const next = new Uint8Array(size);
        let alive = false;
        for (let index = 0; index < tokens.length; index++) {
          if (!current[index]) continue;
          const token = tokens[index] as Token;
          if (token.kind === 'char' && token.char === char) addState(tokens, next, index + 1);
          else if (token.kind === 'segment' && char !== '/') addState(tokens, next, index);
          else if (token.kind === 'any') addState(tokens, next, index);
          else if (token.kind === 'optionalSlash' && char === '/') addState(tokens, next, index + 1);
          else continue;
          alive = true;
        }
        if (!alive) return false;
        current = next;
      }
      return current[tokens.length] === 1;
    },
  };
}

/** Whether a URL's path (query string and hash ignored; trailing slash optional) matches the pattern. */
export function matchPath(pattern: string, url: string): boolean {
  const path = new URL(url).pathname;
  const compiled = compilePathPattern(pattern);
  if (compiled.test(path)) return true;
  const alternative = path.endsWith('/') && path !== '/' ? path.slice(0, -1) : `${path}/`;
  return compiled.test(alternative);
}
