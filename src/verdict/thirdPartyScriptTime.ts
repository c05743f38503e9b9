import type { UrlAggregate } from '../aggregate/aggregateRuns.js';

/** Which attribution a third-party script time comes from. */
export type ThirdPartyBasis = 'long-animation-frames' | 'cpu-profile';

/**
 * The third-party script time an `INP.thirdPartyScripts` budget is checked against: the larger of the
 * long-animation-frame attribution (median over the runs; entry points only) and the CPU-profiled run's
 * (its slowest interaction; the code that actually ran, also inside first-party handlers), and which one it
 * was. Undefined when neither was measured.
 */
export function thirdPartyScriptTime(
  aggregate: Pick<UrlAggregate, 'thirdPartyScripts' | 'profiledScripts'>,
): { value: number; basis: ThirdPartyBasis } | undefined {
  const frames = aggregate.thirdPartyScripts?.median;
  const profiled = aggregate.profiledScripts?.slowest.thirdPartyMs;
  if (profiled !== undefined && (frames === undefined || profiled > frames)) {
    return { value: profiled, basis: 'cpu-profile' };
  }
  return frames === undefined ? undefined : { value: frames, basis: 'long-animation-frames' };
}
