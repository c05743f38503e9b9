/**
 * A build hash in a file name: a token of 6 or more letters and digits, with at least one digit, between
 * `.`/`-`/`_` and the next `.` (`vendor.a1b2c3d4.js`, `index-BzT3kJ5a.js`, `main.7f8e9d2c.chunk.js`), or
 * a whole path segment of 16 or more hex digits. Version numbers such as `jquery-3.7.1.min.js` stay.
 */
const NAME_HASH = /[.\-_](?=[A-Za-z0-9]*\d)[A-Za-z0-9]{6,}(?=\.)/g;
const SEGMENT_HASH = /\/[a-f0-9]{16,}(?=\/)/g;

/**
 * The key that matches one file across runs and across the candidate and the baseline (another host):
 * the path for the page's own origin, host + path otherwise, with build hashes and the query removed.
 */
export function fileKey(url: string, pageUrl: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const page = URL.canParse(pageUrl) ? new URL(pageUrl) : undefined;
  const path = parsed.pathname.replace(SEGMENT_HASH, '').replace(NAME_HASH, '');
  return parsed.origin === page?.origin ? path : `${parsed.host}${path}`;
}
