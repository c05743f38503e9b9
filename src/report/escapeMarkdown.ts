/**
 * Helpers for putting untrusted text (anything that comes from the measured page: selectors, URLs, script
 * names, Server-Timing descriptions) into GitHub-flavoured markdown without it becoming markup, HTML,
 * links, mentions or table columns.
 */

const MAX_LENGTH = 200;

function oneLine(text: string): string {
  // Control characters (newlines included) would end a table row or inject markup.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return flat.length > MAX_LENGTH ? `${flat.slice(0, MAX_LENGTH - 1)}…` : flat;
}

/**
 * Untrusted text as an inline code span: inert for markdown, HTML and @mentions. A fence longer than any
 * backtick run inside is used; `|` is escaped so it cannot split a table cell (GFM honours `\|` inside code
 * spans in tables).
 */
export function untrustedCode(text: string, { inTable = true } = {}): string {
  const flat = oneLine(text);
  if (!flat) return '';
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padded = flat.startsWith('`') || flat.endsWith('`') ? ` ${flat} ` : flat;
  const body = inTable ? padded.replace(/\|/g, '\\|') : padded;
  return `${fence}${body}${fence}`;
}

/**
 * Untrusted text as plain prose: HTML-significant characters become entities, markdown punctuation is
 * backslash-escaped, `:` becomes an entity so no URL is auto-linked, and @ is followed by a zero-width
 * joiner so no mention or team ping is made.
 */
export function untrustedText(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]|~!#]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/:/g, '&#58;')
    .replace(/@/g, '@\u200d');
}
