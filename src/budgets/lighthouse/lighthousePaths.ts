/**
 * A budget.json `path` as a vitals-gate path pattern, keeping Lighthouse's matching: a prefix match unless
 * it ends in `$`; `*` matches anything, across `/` too. `/blog` → `/blog**`, `/about$` → `/about`,
 * `/product/*.html$` → `/product/**.html`. (vitals-gate ignores the query string and a trailing slash.)
 */
export function budgetPathToPattern(path: string): string {
  const anchored = path.endsWith('$');
  const body = (anchored ? path.slice(0, -1) : path).replace(/\*/g, '**');
  if (anchored) return body || '/';
  return body.endsWith('**') ? body : `${body}**`;
}

/** Why a budget.json path is invalid (as Lighthouse's validator says), or undefined. */
export function budgetPathProblem(path: string): string | undefined {
  if (!path.startsWith('/')) return 'expected a path starting with /';
  if ((path.match(/\*/g) ?? []).length > 1) return 'expected at most one * (Lighthouse allows one)';
  if (path.slice(0, -1).includes('$')) return 'expected $ only at the end';
  return undefined;
}

/**
 * An LHCI `matchingUrlPattern` (a regular expression over the whole URL) as a path pattern, when it is a
 * simple one: an optional `^`, an optional scheme and host (`https?://[^/]+`, `http://localhost:3000`,
 * `.*`), then a path of literal characters, `.*` (→ `**`), `[^/]+`/`[^/]*` (→ `*`), and an optional `$`.
 * Undefined for anything else (groups, alternatives, classes): the caller warns.
 */
export function urlPatternToPath(pattern: string): string | undefined {
  let rest = pattern.startsWith('^') ? pattern.slice(1) : pattern;
  const anchoredStart = pattern.startsWith('^');
  const origin = /^(?:https?\??:(?:\\\/|\/){2}(?:\[\^\\?\/\][+*]|[\w.\\-]+(?::\d+)?)|\.\*)/.exec(rest);
  let prefix = '';
  if (origin) rest = rest.slice(origin[0].length);
  else if (!anchoredStart) prefix = '**';
  const anchoredEnd = rest.endsWith('$') && !rest.endsWith('\\$');
  if (anchoredEnd) rest = rest.slice(0, -1);
  let path = '';
  for (let i = 0; i < rest.length; i++) {
    const token = rest.slice(i);
    if (token.startsWith('.*')) {
      path += '**';
      i += 1;
    } else if (token.startsWith('[^/]+') || token.startsWith('[^/]*') || token.startsWith('[^\\/]+')) {
      path += '*';
      i += token.startsWith('[^\\/]+') ? 5 : 4;
    } else if (token.startsWith('\\')) {
      const escaped = token[1] ?? '';
      if (!/[./\-?+()[\]{}*$^|]/.test(escaped)) return undefined;
      path += escaped;
      i += 1;
    } else if (/[()[\]{}|+?*^$.]/.test(token[0] ?? '')) {
      return undefined;
    } else path += token[0];
  }
  if (path === '' || path === '**') return '/**';
  if (!path.startsWith('/') && !path.startsWith('**')) return undefined;
  const full = `${prefix}${path}`.replace(/^\*\*(?=\/)/, '/**');
  return anchoredEnd || full.endsWith('**') ? full : `${full}**`;
}
