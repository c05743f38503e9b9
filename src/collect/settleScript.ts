/** The global through which vitals-gate reads whether the page has settled (see `settleScript`). */
export const SETTLE_PROBE = '__vitalsGateSettle';

/** Timers registered with at most this delay keep the page unsettled until they have run. */
export const SHORT_TIMER_MS = 2000;

/** What the in-page probe answers. */
export interface SettleState {
  /** Short timers (`setTimeout` ≤ `SHORT_TIMER_MS`) registered by the page and not yet run or cleared. */
  timers: number;
  /** Milliseconds since the last LCP candidate, layout shift or long animation frame. */
  sinceActivity: number;
  /** `document.fonts.status`: `loading` until every font in use has loaded. */
  fonts: string;
}

/**
 * The script injected before any page script, beside the web-vitals one: it keeps count of the page's
 * pending short timers (a banner inserted 1.5 s after load, a chain of timers, a fetch then an image) and
 * of when the browser last produced an LCP candidate, a layout shift or a long animation frame, and answers
 * through `SETTLE_PROBE`. vitals-gate ends a run when the page is settled by those signals (and the
 * network's), instead of after fixed waits. Timers longer than `SHORT_TIMER_MS` and intervals are not
 * waited for (carousels, polling). Top frame only.
 *
 * Kept as a string, not a serialised function: the bundle is built with `keepNames`, which would insert
 * `__name()` calls into a function's `toString()`.
 */
export function settleScript(): string {
  return `(function () {
  if (self !== top) return;
  var pending = new Set();
  var lastActivity = performance.now();
  var nativeSetTimeout = self.setTimeout;
  var nativeClearTimeout = self.clearTimeout;
  var nativeClearInterval = self.clearInterval;
  function touch() { lastActivity = performance.now(); }
  self.setTimeout = function setTimeout(handler, delay) {
    var args = Array.prototype.slice.call(arguments);
    var ms = Number(delay) || 0;
    if (typeof handler !== 'function' || ms > ${SHORT_TIMER_MS}) return nativeSetTimeout.apply(self, args);
    var id;
    args[0] = function () {
      try { return handler.apply(this, arguments); } finally { pending.delete(id); }
    };
    id = nativeSetTimeout.apply(self, args);
    pending.add(id);
    return id;
  };
  self.clearTimeout = function clearTimeout(id) { pending.delete(id); return nativeClearTimeout.call(self, id); };
  self.clearInterval = function clearInterval(id) { pending.delete(id); return nativeClearInterval.call(self, id); };
  ['largest-contentful-paint', 'layout-shift', 'long-animation-frame'].forEach(function (type) {
    try { new PerformanceObserver(touch).observe({ type: type, buffered: true }); } catch (e) {}
  });
  Object.defineProperty(self, ${JSON.stringify(SETTLE_PROBE)}, {
    value: function () {
      return { timers: pending.size, sinceActivity: performance.now() - lastActivity,
        fonts: document.fonts ? document.fonts.status : 'loaded' };
    }
  });
})();`;
}
