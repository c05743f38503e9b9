import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Set by the bundler (esbuild `define`) to the text of the IIFE attribution build; absent in tests. */
declare const __WEB_VITALS_ATTRIBUTION_IIFE__: string | undefined;

/**
 * The text of web-vitals' IIFE attribution build (global `webVitals`), the same library production RUM
 * uses. The bundle has it inlined; unbundled, it is read next to the package's `attribution` entry (the
 * IIFE file is not in the package's exports).
 */
export function webVitalsSource(): string {
  if (typeof __WEB_VITALS_ATTRIBUTION_IIFE__ === 'string') return __WEB_VITALS_ATTRIBUTION_IIFE__;
  const entry = createRequire(import.meta.url).resolve('web-vitals/attribution');
  return readFileSync(join(dirname(entry), 'web-vitals.attribution.iife.js'), 'utf8');
}
