import { LIGHTHOUSE_MARGIN_MS } from '../collect/runLighthouse.js';
import { CLOSE_GRACE_MS } from '../collect/watchRun.js';

/** Beyond the page loads: starting Chrome and closing stopped pages (measured ≈ 1–3 s on a loaded runner). */
export const URL_MARGIN_MS = 10_000;

export interface UrlBoundInput {
  runs: number;
  /** With a baseline: pairs of loads, up to `maxRuns` pairs. */
  maxRuns?: number;
  timeoutMs: number;
  lighthouse: boolean;
  /** One more load with the CPU profiler on (interaction steps with `profile-interactions`). */
  profiled?: boolean;
}

/**
 * The longest one URL can take, whatever the page does: each load ends by its timeout (a second LCP load
 * included) and may then take `CLOSE_GRACE_MS` to close; Lighthouse ends by its own bound (timeout +
 * `LIGHTHOUSE_MARGIN_MS`, then the same grace to close); plus a fixed margin. README's "What the gate does when…" states it.
 */
export function urlBoundMs(input: UrlBoundInput): number {
  const loads = (input.maxRuns !== undefined ? 2 * input.maxRuns : input.runs) + (input.profiled ? 1 : 0);
  const lighthouse = input.lighthouse ? input.timeoutMs + LIGHTHOUSE_MARGIN_MS + CLOSE_GRACE_MS : 0;
  return loads * (input.timeoutMs + CLOSE_GRACE_MS) + lighthouse + URL_MARGIN_MS;
}
