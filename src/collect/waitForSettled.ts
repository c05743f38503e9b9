import { setTimeout as delay } from 'node:timers/promises';
import type { CDPSession } from 'puppeteer-core';
import { SETTLE_PROBE, type SettleState } from './settleScript.js';
import type { RequestWatch } from './watchRequests.js';

export interface SettleOptions {
  /** How long nothing may happen (see `waitForSettled`) before the page counts as settled. */
  quietMs?: number;
  /** Pending short timers are waited for only this long after the wait began (a timer chain can be endless). */
  timerHorizonMs?: number;
  /** `Date.now()` at which to stop waiting, settled or not. */
  deadline: number;
}

/** How a wait ended. */
export interface SettleOutcome {
  settled: boolean;
  waitedMs: number;
  /** Of `waitedMs`, the time after the page's last activity: the quiet window the wait itself adds. */
  quietMs: number;
}

export const DEFAULT_QUIET_MS = 300;
const DEFAULT_TIMER_HORIZON_MS = 5000;
const POLL_MS = 40;

async function readState(cdp: CDPSession): Promise<SettleState | undefined> {
  const answer = await cdp
    .send('Runtime.evaluate', {
      expression: `typeof self.${SETTLE_PROBE} === 'function' ? self.${SETTLE_PROBE}() : null`,
      returnByValue: true,
    })
    .catch(() => undefined);
  const value = answer?.result.value as SettleState | null | undefined;
  return value && typeof value === 'object' ? value : undefined;
}

/**
 * Waits until the page has settled: no request in flight, no short page timer pending (for at most
 * `timerHorizonMs`), fonts loaded, and `quietMs` without a request starting or ending, a new LCP candidate,
 * layout shift or long animation frame, or a metric report (`lastReportAt`). Replaces fixed waits (network
 * idle 500 ms, then 1 s without a report): a run ends as soon as the page's own work is over, and a late
 * image, shift or long interaction still keeps it going. A page that cannot be asked (navigated away, no
 * probe) is judged by the network and the reports alone.
 */
export async function waitForSettled(
  cdp: CDPSession,
  requests: RequestWatch,
  lastReportAt: () => number,
  options: SettleOptions,
): Promise<SettleOutcome> {
  const quietMs = options.quietMs ?? DEFAULT_QUIET_MS;
  const began = Date.now();
  const timerHorizon = began + (options.timerHorizonMs ?? DEFAULT_TIMER_HORIZON_MS);
  while (Date.now() < options.deadline) {
    const state = await readState(cdp);
    const now = Date.now();
    const quietFor = Math.min(
      now - requests.lastActivityAt(),
      now - lastReportAt(),
      state ? state.sinceActivity : Number.POSITIVE_INFINITY,
    );
    const busy =
      requests.inFlight() > 0 ||
      (state !== undefined && state.timers > 0 && now < timerHorizon) ||
      state?.fonts === 'loading';
    if (!busy && quietFor >= quietMs) {
      return { settled: true, waitedMs: now - began, quietMs: Math.min(quietFor, now - began) };
    }
    const wait = busy ? POLL_MS : Math.min(POLL_MS, quietMs - quietFor + 1);
    await delay(Math.max(1, Math.min(wait, options.deadline - Date.now())));
  }
  return { settled: false, waitedMs: Date.now() - began, quietMs: 0 };
}
