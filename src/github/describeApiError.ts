import { describeError } from '../errors/UserError.js';
import { statusOf } from './withRetries.js';

/** At most this many characters of a reason are shown. */
const MAX_REASON = 200;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  middot: '·',
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/**
 * One line for a failed API call: `HTTP 502 (Unicorn! · GitHub)`. An HTML error page (a proxy's or
 * GitHub's own 5xx page) is reduced to its title, any other body to its first line, so a summary or an
 * annotation never receives a whole page.
 */
export function describeApiError(error: unknown): string {
  const status = statusOf(error);
  const text = describeError(error);
  let reason: string;
  if (/<html|<!doctype|<body|<head/i.test(text)) {
    const raw = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1] ?? '';
    // Entities decoded (`&middot;`), markdown and HTML punctuation dropped: the title is someone's text.
    const title = decodeEntities(raw)
      .replace(/[<>[\]()`|*_\\]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    reason = title ? `an HTML page titled '${title}'` : 'an HTML error page';
  } else {
    reason = (text.split(/\r?\n/).find((line) => line.trim()) ?? '').trim();
  }
  if (reason.length > MAX_REASON) reason = `${reason.slice(0, MAX_REASON)}…`;
  if (status === undefined) return reason || 'no answer';
  return reason && reason !== String(status) ? `HTTP ${status}: ${reason}` : `HTTP ${status}`;
}
