import type { InteractionProfile } from '../collect/InteractionProfile.js';
import { classifyParty, type Party } from './classifyParty.js';

/** One script's self time in the profiled interaction. */
export interface ProfiledScript {
  /** Script URL, or `(no URL)` for code without one (eval, injected). */
  source: string;
  party: Party;
  entity?: string;
  selfMs: number;
}

/** What the CPU profile says ran during the profiled run's slowest interaction. */
export interface ProfileSummary {
  /** Interactions the profiled run saw. */
  interactions: number;
  /** The slowest interaction (the profiled run's INP interaction). */
  slowest: {
    type: string;
    durationMs: number;
    /** Most self time first, at most ten. */
    scripts: ProfiledScript[];
    firstPartyMs: number;
    thirdPartyMs: number;
    unknownMs: number;
    /** Third-party share of the script time, 0-1 (0 when no script ran). */
    thirdPartyShare: number;
  };
}

/**
 * Classifies the profiled run's slowest interaction's scripts as first or third party for the page (by
 * registrable domain and entity) and sums their self time. Undefined when the run failed or saw no
 * interaction.
 */
export function summarizeProfile(profile: InteractionProfile | undefined): ProfileSummary | undefined {
  if (!profile || profile.error || profile.interactions.length === 0) return undefined;
  const slowest = profile.interactions.reduce((a, b) => (b.duration > a.duration ? b : a));
  const scripts = slowest.scripts.map((script) => ({
    source: script.url || '(no URL)',
    ...classifyParty(script.url, profile.url),
    selfMs: script.selfMs,
  }));
  const sum = (party: Party) =>
    scripts.filter((script) => script.party === party).reduce((total, script) => total + script.selfMs, 0);
  const firstPartyMs = sum('first');
  const thirdPartyMs = sum('third');
  const unknownMs = sum('unknown');
  const total = firstPartyMs + thirdPartyMs + unknownMs;
  return {
    interactions: profile.interactions.length,
    slowest: {
      type: slowest.type,
      durationMs: slowest.duration,
      scripts: scripts.slice(0, 10),
      firstPartyMs,
      thirdPartyMs,
      unknownMs,
      thirdPartyShare: total > 0 ? thirdPartyMs / total : 0,
    },
  };
}
