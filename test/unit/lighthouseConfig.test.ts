import { defaultConfig, desktopConfig } from 'lighthouse';
// Lighthouse's own config resolution: the call its navigation makes before gathering.
import { initializeConfig } from 'lighthouse/core/config/config.js';
import { describe, expect, it } from 'vitest';
import { lighthouseConfig } from '../../src/collect/lighthouseConfig.js';
import { LIGHTHOUSE_FLAGS } from '../../src/collect/runLighthouse.js';

interface Resolved {
  resolvedConfig: {
    settings: unknown;
    categories: unknown;
    groups: unknown;
    artifacts: { id: string; gatherer: { path?: string } }[];
    audits: { implementation: { meta: { id: string } }; options: unknown }[];
  };
}
const resolve = async (config: Parameters<typeof initializeConfig>[1]): Promise<Resolved> =>
  (await initializeConfig('navigation', config, {
    ...LIGHTHOUSE_FLAGS,
    maxWaitForLoad: 30_000,
  })) as unknown as Resolved;

/** What a navigation runs with: every audit (id and options), gatherer, setting and category. */
function shape({ resolvedConfig: c }: Resolved) {
  return {
    settings: c.settings,
    categories: c.categories,
    groups: c.groups,
    artifacts: c.artifacts.map((a) => [a.id, a.gatherer.path]),
    audits: c.audits.map((a) => [a.implementation.meta.id, a.options]),
  };
}

describe('the performance-only Lighthouse config', () => {
  it.each([
    ['mobile', undefined],
    ['desktop', desktopConfig],
  ] as const)(
    'resolves on %s to exactly what Lighthouse’s own preset with onlyCategories resolves to',
    async (device, preset) => {
      const ours = shape(await resolve(lighthouseConfig(device)));
      const lighthouses = shape(await resolve(preset));
      expect(ours).toEqual(lighthouses);
      // Not vacuous: the performance audits and the trace gatherer are there, and the device is right.
      expect(ours.audits.map(([id]) => id)).toEqual(
        expect.arrayContaining(['largest-contentful-paint', 'total-blocking-time', 'speed-index']),
      );
      expect(ours.artifacts.map(([id]) => id)).toContain('Trace');
      expect(ours.settings).toMatchObject({ formFactor: device });
    },
  );

  it('lists only the audits the performance category refers to', () => {
    const audits = lighthouseConfig('mobile').audits ?? [];
    const refs = defaultConfig.categories?.performance?.auditRefs ?? [];
    expect(audits.length).toBe(refs.length);
    expect(audits.length).toBeLessThan((defaultConfig.audits ?? []).length / 2);
  });
});
