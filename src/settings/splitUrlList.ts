/**
 * A list of URLs as written in the `urls` input: one per line, or several on a line separated by commas
 * — but only a comma followed by a URL (`scheme://`) or a path (`/`) separates; any other comma is part of
 * the URL (`/search?ids=1,2` stays one entry). Entries are trimmed; empty ones and `#` comments dropped.
 */
export function splitUrlList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(/\n|,(?=\s*(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|\/))/)
    .map((entry) => entry.trim())
    .filter((entry) => entry && !entry.startsWith('#'));
}

/** A URL as it may be shown: user name and password replaced by `***` (they are never echoed). */
export function redactCredentials(text: string): string {
  return text.replace(/\/\/[^/@\s]*@/g, '//***@');
}
