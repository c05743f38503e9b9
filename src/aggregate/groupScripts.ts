import type { ScriptTiming } from '../collect/RunMeasurement.js';
import { INP_SUBPARTS, type InpSubpart } from '../metrics/metricDefinitions.js';
import { classifyParty, type Party } from './classifyParty.js';

/** The scripts of one source that ran during the INP interaction of one run. */
export interface ScriptGroup {
  /** Source URL (the document's URL for inline scripts), or `(unknown source)`. */
  source: string;
  party: Party;
  entity?: string;
  /** Time the source's scripts ran within the interaction (ms). */
  totalMs: number;
  bySubpart: Record<InpSubpart, number>;
  /** The subpart in which most of that time fell. */
  mainSubpart: InpSubpart;
  /** What ran the scripts (`BUTTON#buy.onclick` …), most time first, at most three. */
  invokers: string[];
}

/** The subpart with the most time; input delay on ties. */
export function mainSubpart(bySubpart: Record<InpSubpart, number>): InpSubpart {
  return INP_SUBPARTS.reduce(
    (best, name) => (bySubpart[name] > bySubpart[best] ? name : best),
    INP_SUBPARTS[0],
  );
}

/** Groups one run's interaction scripts by source and classifies each source, most time first. */
export function groupScripts(scripts: readonly ScriptTiming[], pageUrl: string): ScriptGroup[] {
  const groups = new Map<string, { bySubpart: Record<InpSubpart, number>; invokers: Map<string, number> }>();
  for (const script of scripts) {
    const source = script.sourceURL || '(unknown source)';
    const group = groups.get(source) ?? {
      bySubpart: { inputDelay: 0, processingDuration: 0, presentationDelay: 0 },
      invokers: new Map<string, number>(),
    };
    let within = 0;
    for (const subpart of INP_SUBPARTS) {
      group.bySubpart[subpart] += script.overlap[subpart];
      within += script.overlap[subpart];
    }
    if (script.invoker)
      group.invokers.set(script.invoker, (group.invokers.get(script.invoker) ?? 0) + within);
    groups.set(source, group);
  }
  return [...groups.entries()]
    .map(([source, group]) => {
      const totalMs = INP_SUBPARTS.reduce((sum, name) => sum + group.bySubpart[name], 0);
      const invokers = [...group.invokers.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
      return {
        source,
        ...classifyParty(source, pageUrl),
        totalMs,
        bySubpart: group.bySubpart,
        mainSubpart: mainSubpart(group.bySubpart),
        invokers: invokers.slice(0, 3),
      };
    })
    .filter((group) => group.totalMs > 0)
    .sort((a, b) => b.totalMs - a.totalMs);
}
