import { summarizeProfile } from '../aggregate/summarizeProfile.js';
import type { InteractionProfile } from '../collect/InteractionProfile.js';
import type { Measurer, RunPlan } from '../collect/Measurer.js';
import type { Logger } from '../log/Logger.js';
import type { Settings } from '../settings/Settings.js';

/**
 * The diagnostic run with the CPU profiler on, for a URL with interaction steps when `profile-interactions`
 * is on (and the measurer can profile); logs what it found. Undefined when not made.
 */
export async function profileUrl(
  url: string,
  settings: Pick<Settings, 'profileInteractions'>,
  plan: RunPlan,
  measurer: Measurer,
  log: Logger,
): Promise<InteractionProfile | undefined> {
  if (!settings.profileInteractions || !plan.interactions?.length || !measurer.profileInteractions) {
    return undefined;
  }
  log.info('Profiling the interactions (one extra run with the CPU profiler on)…');
  const profile = await measurer.profileInteractions(url, plan);
  const summary = summarizeProfile(profile);
  if (profile.error) log.info(`Interaction profile failed: ${profile.error}`);
  else if (summary) {
    const { slowest } = summary;
    log.info(
      `Interaction profile: slowest interaction ${Math.round(slowest.durationMs)} ms; script time ${Math.round(
        slowest.firstPartyMs,
      )} ms first party, ${Math.round(slowest.thirdPartyMs)} ms third party (${Math.round(
        slowest.thirdPartyShare * 100,
      )} %) (${(profile.wallMs / 1000).toFixed(1)} s)`,
    );
  }
  return profile;
}
