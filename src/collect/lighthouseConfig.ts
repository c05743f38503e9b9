import { type Config, defaultConfig, desktopConfig } from 'lighthouse';
import type { Device } from '../settings/Settings.js';

/** An audit's id: the last part of its path in Lighthouse's config ('metrics/total-blocking-time'). */
const auditId = (audit: NonNullable<Config['audits']>[number]): string =>
  (typeof audit === 'string' ? audit : 'path' in audit ? audit.path : '').split('/').at(-1) ?? '';

/**
 * Lighthouse's default config cut down to its performance category: only the audits that category refers
 * to. Lighthouse resolves to exactly the same audits, gatherers, settings and category from this as from
 * the default config with `onlyCategories: ['performance']` (test/unit/lighthouseConfig.test.ts proves it
 * on the installed Lighthouse), but it no longer loads and validates the other categories' ~110 audits
 * first: 0.2–0.3 s less per navigation on a 2-core runner (docs/benchmarks.md).
 */
function performanceOnly(settings: Config['settings']): Config {
  const performance = defaultConfig.categories?.performance;
  if (!performance) throw new Error("Lighthouse's default config has no performance category");
  const referenced = new Set(performance.auditRefs.map((ref) => ref.id));
  return {
    ...defaultConfig,
    settings,
    audits: (defaultConfig.audits ?? []).filter((audit) => referenced.has(auditId(audit))),
    categories: { performance },
  };
}

const CONFIGS: Record<Device, Config> = {
  mobile: performanceOnly(defaultConfig.settings),
  // Lighthouse's desktop preset is the default config with desktop settings (merged into the defaults).
  desktop: performanceOnly(desktopConfig.settings),
};

/** The Lighthouse config for a device: Lighthouse's own preset, performance category only. */
export const lighthouseConfig = (device: Device): Config => CONFIGS[device];
