import type { Page } from 'puppeteer-core';

/** What the browser itself recorded for LCP, read after the run's quiet window. */
export interface LcpCheck {
  /** The last buffered `largest-contentful-paint` entry; null when there is none. */
  last: { startTime: number; size: number } | null;
  /**
   * A loaded, visible image larger than that entry (at its LCP size: clipped to the viewport, no credit for
   * upscaling) with no LCP entry of its own, and not a low-entropy image that Chrome rightly skips. Chrome
   * was seen to drop such a candidate under CPU contention: 3 of 80 runs of the example home page on a
   * 2-core machine with one busy core (image complete, in view, 0.19 bits per pixel; only the text's entry).
   */
  missedImage: { src: string; area: number } | null;
  /**
   * True when the record could not be read within 2 s (two animation frames and the buffered entries never
   * came: a starved or frozen main thread, or a page that replaced requestAnimationFrame). `last` and
   * `missedImage` are then null: nothing is known about the browser's record.
   */
  timedOut?: boolean;
}

// A string, not a function: the bundle's keepNames would inject `__name` calls into serialised code.
// Two animation frames first, so a paint waiting for its presentation time is recorded.
const SCRIPT = `new Promise(function (resolve) {
  var done = false;
  function finish(entries, timedOut) {
    if (done) return;
    done = true;
    if (timedOut) return resolve({ last: null, missedImage: null, timedOut: true });
    var last = entries.length ? entries[entries.length - 1] : null;
    var recorded = entries.map(function (entry) { return entry.element; });
    var bytesByUrl = {};
    performance.getEntriesByType('resource').forEach(function (entry) { bytesByUrl[entry.name] = entry.encodedBodySize; });
    var missed = null;
    Array.prototype.forEach.call(document.images, function (img) {
      if (!img.complete || !img.naturalWidth || recorded.indexOf(img) >= 0) return;
      if (img.checkVisibility && !img.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return;
      var r = img.getBoundingClientRect();
      var displayed = r.width * r.height;
      var w = Math.min(r.right, innerWidth) - Math.max(r.left, 0);
      var h = Math.min(r.bottom, innerHeight) - Math.max(r.top, 0);
      if (w <= 0 || h <= 0 || displayed <= 0) return;
      var bytes = bytesByUrl[img.currentSrc] || 0;
      if (bytes * 8 / displayed < 0.06) return;
      var area = w * h * Math.min(1, (img.naturalWidth * img.naturalHeight) / displayed);
      if (area > (last ? last.size : 0) * 1.1 && (!missed || area > missed.area)) {
        missed = { src: String(img.currentSrc).slice(0, 300), area: Math.round(area) };
      }
    });
    resolve({ last: last ? { startTime: last.startTime, size: last.size } : null, missedImage: missed });
  }
  var timer = setTimeout(function () { finish([], true); }, 2000);
  requestAnimationFrame(function () { requestAnimationFrame(function () {
    new PerformanceObserver(function (list, observer) {
      observer.disconnect();
      clearTimeout(timer);
      finish(list.getEntries());
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  }); });
})`;

/** Reads the browser's own LCP record of the page; undefined when the page cannot be asked. */
export async function checkLcp(page: Page): Promise<LcpCheck | undefined> {
  const result = (await page.evaluate(SCRIPT).catch(() => undefined)) as LcpCheck | undefined;
  return result && typeof result === 'object' ? result : undefined;
}

/** What web-vitals last reported for LCP: its value and the size of its entry. */
export interface ReportedLcp {
  value: number;
  size?: number;
}

/**
 * The start time of the browser's last LCP candidate when web-vitals did not report it: it is later than
 * the reported value, or as early but larger (Chrome was seen to record the image in the same frame as the
 * paragraph, with the same startTime; web-vitals reports only when the value changes).
 */
export function unreportedCandidate(check: LcpCheck | undefined, reported: ReportedLcp | undefined) {
  const last = check?.last;
  if (!last) return undefined;
  if (!reported) return last.startTime;
  if (last.startTime > reported.value + 1) return last.startTime;
  const larger = reported.size !== undefined && last.size > reported.size;
  return larger && last.startTime >= reported.value - 1 ? last.startTime : undefined;
}
