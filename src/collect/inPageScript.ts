/** The CDP binding through which the page reports web-vitals metrics to vitals-gate. */
export const REPORT_BINDING = '__vitalsGateReport';

/**
 * What web-vitals sees as \`PerformanceObserver\`: a local name in the injected script's scope (the page's own
 * \`PerformanceObserver\`, and the LCP check's, stay Chrome's). It hands web-vitals Chrome's entries with two
 * corrections:
 *
 * - Layout shifts: \`hadRecentInput\` is true when, and only when, a trusted input (pointer, mouse or touch
 *   down and up, key down; seen at the window in the capture phase before any page listener) arrived in the
 *   500 ms before the shift, as Chrome's rule says (Chrome's own \`lastInputTime\` is the release's time).
 *   With mobile emulation (\`isMobile\`) Chrome flags shifts as input-caused although nothing was input
 *   (\`lastInputTime\` ≈ 20 ms; the emulated viewport change counts as input, crbug 1094974 and 1302667;
 *   Lighthouse corrects for it in core/computed/metrics/cumulative-layout-shift.js), and web-vitals dropped
 *   them: CLS read 0 on mobile. Input in a cross-origin frame is not seen here, so a shift it causes counts
 *   (said in docs/profiles.md).
 * - LCP: under CPU contention Chrome was seen to record a larger element (the image) with the same
 *   \`startTime\` as the previous candidate (the paragraph). web-vitals reports only when the value changes,
 *   so the larger candidate was never reported and the run's LCP element was the paragraph. Such a candidate
 *   is handed on 0.01 ms later than the one before it, so it is reported.
 *
 * Corrected entries are plain copies of the entry's fields (DOM nodes included).
 */
const OBSERVER_SHIM = `var PerformanceObserver = (function (Native) {
    if (typeof Native !== 'function') return Native;
    var inputs = [];
    ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'touchstart', 'touchend', 'keydown'].forEach(function (type) {
      addEventListener(type, function (event) {
        if (!event.isTrusted) return;
        inputs.push(event.timeStamp);
        if (inputs.length > 200) inputs.shift();
      }, { capture: true, passive: true });
    });
    function inputBefore(time) {
      for (var i = inputs.length - 1; i >= 0; i--) {
        if (inputs[i] <= time) return time - inputs[i] <= 500;
      }
      return false;
    }
    function copy(entry, changes) {
      var out = {};
      for (var key in entry) {
        var value = entry[key];
        if (typeof value !== 'function') out[key] = value;
      }
      for (var name in changes) out[name] = changes[name];
      out.toJSON = function () { return out; };
      return out;
    }
    function Shim(callback) {
      var lcp = { startTime: -1, size: 0 };
      function correct(entries) {
        return Array.prototype.map.call(entries, function (entry) {
          if (entry.entryType === 'layout-shift') {
            var recent = inputBefore(entry.startTime);
            return recent === entry.hadRecentInput ? entry : copy(entry, { hadRecentInput: recent });
          }
          if (entry.entryType === 'largest-contentful-paint') {
            var fixed = entry;
            if (entry.startTime <= lcp.startTime && entry.size > lcp.size) {
              fixed = copy(entry, { startTime: lcp.startTime + 0.01 });
            }
            lcp = { startTime: fixed.startTime, size: entry.size };
            return fixed;
          }
          return entry;
        });
      }
      var shim = this;
      var observer = new Native(function (list) {
        var entries = correct(list.getEntries());
        callback({ getEntries: function () { return entries; },
          getEntriesByType: function (t) { return entries.filter(function (e) { return e.entryType === t; }); },
          getEntriesByName: function (n, t) {
            return entries.filter(function (e) { return e.name === n && (!t || e.entryType === t); });
          } }, shim);
      });
      this.observe = function (options) { observer.observe(options); };
      this.disconnect = function () { observer.disconnect(); };
      this.takeRecords = function () { return correct(observer.takeRecords()); };
    }
    Shim.supportedEntryTypes = Native.supportedEntryTypes;
    return Shim;
  })(self.PerformanceObserver);`;

/**
 * The script injected before any page script (`evaluateOnNewDocument`). In the top frame only, it sets up
 * the observer shim, then (after load, when idle) runs web-vitals' attribution build, registers every
 * metric with `reportAllChanges`, and sends each report,
 * serialised (attribution holds DOM nodes and entries), through the CDP binding as a JSON string.
 *
 * Kept as a string, not a serialised function: the bundle is built with `keepNames`, which would insert
 * `__name()` calls into a function's `toString()`.
 */
export function inPageScript(webVitals: string): string {
  return `(function () {
  if (self !== top) return;
  ${OBSERVER_SHIM}
  var binding = ${JSON.stringify(REPORT_BINDING)};
  function send(payload) {
    try {
      var fn = self[binding];
      if (typeof fn === 'function') fn(JSON.stringify(payload));
    } catch (e) {}
  }
  // web-vitals ignores LCP and CLS entries after the page was first hidden: say so, so that such a run is
  // not mistaken for a fast one.
  if (document.visibilityState === 'hidden') send({ name: 'HIDDEN', value: 0, attribution: {} });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') send({ name: 'HIDDEN', value: performance.now(), attribution: {} });
  }, true);
  function start() {
  ${webVitals}
  function num(x) { return typeof x === 'number' && isFinite(x) ? x : undefined; }
  function str(x) { return typeof x === 'string' && x ? x.slice(0, 1000) : undefined; }
  function rect(r) {
    return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : { x: 0, y: 0, width: 0, height: 0 };
  }
  function selectorOf(node) {
    if (!node) return '(removed node)';
    if (node.nodeType !== 1) return String(node.nodeName || '').toLowerCase();
    var parts = [];
    for (var el = node, depth = 0; el && el.nodeType === 1 && depth < 4; el = el.parentElement, depth++) {
      var part = el.localName;
      if (el.id) { parts.unshift(part + '#' + el.id); break; }
      if (el.classList && el.classList.length) part += '.' + Array.prototype.slice.call(el.classList, 0, 2).join('.');
      parts.unshift(part);
    }
    return parts.join('>');
  }
  var attribute = {
    LCP: function (a) {
      return {
        target: str(a.target), url: str(a.url), size: num(a.lcpEntry && a.lcpEntry.size),
        resourceType: a.lcpResourceEntry ? str(a.lcpResourceEntry.initiatorType) : (a.url ? undefined : 'text'),
        subparts: {
          timeToFirstByte: num(a.timeToFirstByte), resourceLoadDelay: num(a.resourceLoadDelay),
          resourceLoadDuration: num(a.resourceLoadDuration), elementRenderDelay: num(a.elementRenderDelay)
        }
      };
    },
    CLS: function (a) {
      var entry = a.largestShiftEntry;
      var sources = entry && entry.sources ? Array.prototype.slice.call(entry.sources, 0, 5) : [];
      return { largestShiftTarget: str(a.largestShiftTarget), largestShiftValue: num(a.largestShiftValue),
        largestShiftTime: num(a.largestShiftTime),
        sources: sources.map(function (source) {
          return { selector: selectorOf(source.node), previousRect: rect(source.previousRect),
            currentRect: rect(source.currentRect) };
        }) };
    },
    FCP: function (a) {
      return { timeToFirstByte: num(a.timeToFirstByte), firstByteToFCP: num(a.firstByteToFCP) };
    },
    TTFB: function (a) {
      var nav = a.navigationEntry;
      var timing = nav && nav.serverTiming ? Array.prototype.slice.call(nav.serverTiming, 0, 50) : [];
      return {
        subparts: {
          waitingDuration: num(a.waitingDuration), cacheDuration: num(a.cacheDuration),
          dnsDuration: num(a.dnsDuration), connectionDuration: num(a.connectionDuration),
          requestDuration: num(a.requestDuration)
        },
        serverTiming: timing.map(function (e) {
          return { name: str(e.name) || '', duration: num(e.duration) || 0, description: str(e.description) || '' };
        })
      };
    },
    INP: function (a) {
      // The interaction's three phases as time windows; each long-animation-frame script is credited with
      // the time it overlapped each window.
      var start = num(a.interactionTime) || 0;
      var afterInput = start + (num(a.inputDelay) || 0);
      var afterProcessing = afterInput + (num(a.processingDuration) || 0);
      var end = num(a.nextPaintTime) || afterProcessing + (num(a.presentationDelay) || 0);
      function overlap(script, from, to) {
        return Math.max(0, Math.min(script.startTime + script.duration, to) - Math.max(script.startTime, from));
      }
      var scripts = [];
      Array.prototype.forEach.call(a.longAnimationFrameEntries || [], function (frame) {
        Array.prototype.forEach.call(frame.scripts || [], function (script) {
          scripts.push({ sourceURL: str(script.sourceURL) || '', invoker: str(script.invoker) || '',
            invokerType: str(script.invokerType) || '', sourceFunctionName: str(script.sourceFunctionName) || '',
            duration: num(script.duration) || 0,
            forcedStyleAndLayoutDuration: num(script.forcedStyleAndLayoutDuration) || 0,
            overlap: { inputDelay: overlap(script, start, afterInput),
              processingDuration: overlap(script, afterInput, afterProcessing),
              presentationDelay: overlap(script, afterProcessing, end) } });
        });
      });
      // Headless Chromium can leave the event target empty. Fall back to an event listener on an element
      // (\`BUTTON#buy.onclick\`; listeners on #document or #window say less about what was clicked), then to
      // the longest script's invoker.
      var onElement = scripts.filter(function (s) {
        return s.invokerType === 'event-listener' && /^[A-Z]/.test(s.invoker);
      })[0];
      var longest = a.longestScript && a.longestScript.entry;
      var fallback = onElement ? onElement.invoker : longest ? str(longest.invoker) : undefined;
      var fromEvent = str(a.interactionTarget);
      return { interactionTarget: fromEvent || fallback,
        interactionTargetSource: fromEvent ? 'event' : fallback ? 'invoker' : undefined,
        interactionType: str(a.interactionType), loadState: str(a.loadState),
        subparts: { inputDelay: num(a.inputDelay), processingDuration: num(a.processingDuration),
          presentationDelay: num(a.presentationDelay) },
        scripts: scripts.slice(0, 100) };
    }
  };
  function report(metric) {
    var make = attribute[metric.name];
    send({ name: metric.name, value: metric.value, navigationType: metric.navigationType,
      attribution: make ? make(metric.attribution || {}) : {} });
  }
  var options = { reportAllChanges: true };
  webVitals.onTTFB(report, options);
  webVitals.onFCP(report, options);
  webVitals.onLCP(report, options);
  webVitals.onCLS(report, options);
  // 16 ms is the Event Timing minimum: short interactions count too, not only those over the 40 ms default.
  webVitals.onINP(report, { reportAllChanges: true, durationThreshold: 16 });
  }
  // web-vitals starts once the page has loaded and the browser is idle: its observers are buffered, so it
  // still gets every LCP, layout-shift, paint and navigation entry from the start, and evaluating it before
  // the page's first paint cost 16-25 ms of main thread at 4x CPU slowdown (2-4 ms to set this script up).
  // Event-timing entries under 104 ms before that are not buffered: vitals-gate interacts only after load.
  function later() {
    if (self.requestIdleCallback) requestIdleCallback(start, { timeout: 1000 });
    else setTimeout(start, 0);
  }
  if (document.readyState === 'complete') later();
  else addEventListener('load', later, { once: true });
})();`;
}
