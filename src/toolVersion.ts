import { readFileSync } from 'node:fs';

/** Set by the bundler (esbuild `define`) to package.json's version; absent when running from source. */
declare const __VITALS_GATE_VERSION__: string | undefined;

/** vitals-gate's own version, as in package.json. */
export function toolVersion(): string {
  if (typeof __VITALS_GATE_VERSION__ === 'string') return __VITALS_GATE_VERSION__;
  const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return String(packageJson.version);
}
