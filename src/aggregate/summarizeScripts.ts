import type { RunMeasurement } from '../collect/RunMeasurement.js';
import type { InpSubpart } from '../metrics/metricDefinitions.js';
import type { Party } from './classifyParty.js';
import { groupScripts, mainSubpart } from './groupScripts.js';
import { type Summary, summarize } from './summarize.js';

/** One script source over all runs with an INP interaction. */
export interface ScriptSummary {
  source: string;
  party: Party;
  entity?: string;
  /** Median over the runs with INP of the source's time within the interaction (0 where it did not run). */
  medianMs: number;
  /** In how many of those runs it ran. */
  runs: number;
  mainSubpart: InpSubpart;
  invokers: string[];
}

export interface ScriptsAggregate {
  /** Most time first, at most ten. */
  scripts: ScriptSummary[];
  /** Third-party script time within the interaction, per run with INP. */
  thirdPartyScripts?: Summary;
}

/** Aggregates interaction scripts over the runs that measured INP. */
export function summarizeScripts(runs: readonly RunMeasurement[]): ScriptsAggregate {
  const withInp = runs.filter((run) => run.inp);
  const perRun = withInp.map((run) => groupScripts(run.inp?.attribution.scripts ?? [], run.url));
  const sources = new Map<string, ScriptSummary & { bySubpart: Record<InpSubpart, number> }>();
  for (const groups of perRun) {
    for (const group of groups) {
      const known = sources.get(group.source) ?? {
        source: group.source,
        party: group.party,
        ...(group.entity ? { entity: group.entity } : {}),
        medianMs: 0,
        runs: 0,
        mainSubpart: group.mainSubpart,
        invokers: [],
        bySubpart: { inputDelay: 0, processingDuration: 0, presentationDelay: 0 },
      };
      known.runs++;
      for (const name of Object.keys(known.bySubpart) as InpSubpart[])
        known.bySubpart[name] += group.bySubpart[name];
      known.invokers = [...new Set([...known.invokers, ...group.invokers])].slice(0, 3);
      sources.set(group.source, known);
    }
  }
  const scripts = [...sources.values()]
    .map(({ bySubpart, ...summary }) => ({
      ...summary,
      mainSubpart: mainSubpart(bySubpart),
      medianMs: summarize(
        perRun.map((groups) => groups.find((g) => g.source === summary.source)?.totalMs ?? 0),
      )?.median as number,
    }))
    .sort((a, b) => b.medianMs - a.medianMs)
    .slice(0, 10);
  const thirdParty = summarize(
    perRun.map((groups) => groups.filter((g) => g.party === 'third').reduce((sum, g) => sum + g.totalMs, 0)),
  );
  return thirdParty ? { scripts, thirdPartyScripts: thirdParty } : { scripts };
}
