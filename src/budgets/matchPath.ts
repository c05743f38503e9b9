/** Compiles a budgets path pattern to a regular expression over URL paths. */
export function pathPatternToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '*' && pattern[i + 1] === '*') {
      // `/**` also matches the bare parent: `/blog/**` matches `/blog`.
      if (source.endsWith('/') && (i + 2 === pattern.length || pattern[i + 2] === '/')) {
        source = `${source.slice(0, -1)}(?:/.*)?`;
        i += pattern[i + 2] === '/' ? 2 : 1;
        continue;
      }
      source += '.*';
      i++;
    } else if (char === '*') {
      source += '[^/]*';
    } else {
      source += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/** Whether a URL's path (query string and hash ignored; trailing slash optional) matches the pattern. */
export function matchPath(pattern: string, url: string): boolean {
  const path = new URL(url).pathname;
  const regExp = pathPatternToRegExp(pattern);
  if (regExp.test(path)) return true;
  const alternative = path.endsWith('/') && path !== '/' ? path.slice(0, -1) : `${path}/`;
  return regExp.test(alternative);
}
