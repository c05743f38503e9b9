import { getEntity } from 'third-party-web/nostats-subset.js';
import { getDomain, parse as parseHost } from 'tldts';

export type Party = 'first' | 'third' | 'unknown';

export interface PartyOf {
  party: Party;
  /** The company or product behind the script, when the third-party-web data knows it. */
  entity?: string;
}

/** Registrable domain (eTLD+1, private suffixes such as github.io included); the host itself for IPs and `localhost`. */
export function registrableDomain(url: URL): string {
  return getDomain(url.hostname, { allowPrivateDomains: true }) ?? url.hostname;
}

function parse(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a script is first or third party for a page: third party when its registrable domain differs
 * from the page's and it does not belong to the page's own entity (so `fbcdn.net` on `facebook.com` stays
 * first party). The entity rule is skipped for pages on a private public suffix (`github.io`,
 * `vercel.app` …), where every site shares the hosting company's entity. Scripts without an http(s)
 * source (eval, extensions) are `unknown`.
 */
export function classifyParty(scriptUrl: string, pageUrl: string): PartyOf {
  const script = parse(scriptUrl);
  const page = parse(pageUrl);
  if (!script || !page) return { party: 'unknown' };
  const entity = getEntity(script.href)?.name;
  const withEntity = (party: Party): PartyOf => (entity ? { party, entity } : { party });
  if (registrableDomain(script) === registrableDomain(page)) return withEntity('first');
  if (parseHost(page.hostname, { allowPrivateDomains: true }).isPrivate) return withEntity('third');
  const pageEntity = getEntity(page.href)?.name;
  if (entity && pageEntity && entity === pageEntity) return withEntity('first');
  return withEntity('third');
}
