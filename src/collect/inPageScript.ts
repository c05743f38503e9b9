/** The CDP binding through which the page reports web-vitals metrics to vitals-gate. */
export const REPORT_BINDING = '__vitalsGateReport';

/**
 * The script injected before any page script (`evaluateOnNewDocument`). It runs web-vitals' attribution
 * build in the top frame only, registers every metric with `reportAllChanges`, and sends each report,
 * serialised (attribution holds DOM nodes and entries), through the CDP binding as a JSON string.
 *
 * Kept as a string, not a serialised function: the bundle is built with `keepNames`, which would insert
 * `__name()` calls into a function's `toString()`.
 */
export function inPageScript(webVitals: string): string {
  return `(function () {
  if (self !== top) return;
  ${webVitals}
  var binding = ${JSON.stringify(REPORT_BINDING)};
  function num(x) { return typeof x === 'number' && isFinite(x) ? x : undefined; }
  function str(x) { return typeof x === 'string' && x ? x.slice(0, 1000) : undefined; }
  function send(payload) {
    try {
      var fn = self[binding];
      if (typeof fn === 'function') fn(JSON.stringify(payload));
    } catch (e) {}
  }
  var attribute = {
    LCP: function (a) {
      return {
        target: str(a.target), url: str(a.url),
        resourceType: a.lcpResourceEntry ? str(a.lcpResourceEntry.initiatorType) : (a.url ? undefined : 'text'),
        subparts: {
          timeToFirstByte: num(a.timeToFirstByte), resourceLoadDelay: num(a.resourceLoadDelay),
          resourceLoadDuration: num(a.resourceLoadDuration), elementRenderDelay: num(a.elementRenderDelay)
        }
      };
    },
    CLS: function (a) {
      return { largestShiftTarget: str(a.largestShiftTarget), largestShiftValue: num(a.largestShiftValue),
        largestShiftTime: num(a.largestShiftTime) };
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
      return { interactionTarget: str(a.interactionTarget), interactionType: str(a.interactionType),
        inputDelay: num(a.inputDelay), processingDuration: num(a.processingDuration),
        presentationDelay: num(a.presentationDelay), loadState: str(a.loadState) };
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
  webVitals.onINP(report, options);
})();`;
}
