import type { ResourceCategory } from '../budgets/Budgets.js';
import { RESOURCE_CATEGORIES } from '../budgets/Budgets.js';
import type { RunMeasurement } from '../collect/RunMeasurement.js';
import type { ResourceType } from '../collect/recordNetwork.js';
import { classifyParty, type Party } from './classifyParty.js';
import { fileKey } from './fileKey.js';
import { quantile } from './quantile.js';

/** Medians over the runs of one resource category's bytes and requests. */
export interface ResourceFigures {
  /** Median over the runs of the category's bytes on the wire (headers included). */
  transferBytes: number;
  /** Median over the runs of the category's decoded body bytes. */
  resourceBytes: number;
  /** Median over the runs of the category's number of requests. */
  requests: number;
}

/** One file over the runs, matched by its key (build hashes and query ignored). */
export interface ResourceFile {
  /** The URL seen in the last run that loaded it (untrusted). */
  url: string;
  /** Origin-relative path for the page's own origin, host + path otherwise; build hashes and query removed. */
  key: string;
  type: ResourceType;
  party: Party;
  /** Median over the runs of its bytes on the wire (0 in a run that did not load it). */
  transferBytes: number;
  /** In how many runs it was loaded. */
  runs: number;
}

export interface ResourcesAggregate {
  /** Runs with a network log. */
  runs: number;
  categories: Record<ResourceCategory, ResourceFigures>;
  /** Every file, the largest first. */
  files: ResourceFile[];
}

const median = (values: readonly number[]) => quantile(values, 0.5) ?? 0;

/**
 * Aggregates the network logs of one URL's runs: per resource category (Lighthouse's types, third party,
 * total) the medians of bytes and requests; per file the median of its bytes. Undefined when no run has a
 * network log. A redirect hop counts as a request of its own with the bytes of its headers.
 */
export function summarizeResources(runs: readonly RunMeasurement[]): ResourcesAggregate | undefined {
  // An error page's bytes say nothing about the page under test.
  const logged = runs.filter((run) => run.network && (run.status ?? 0) < 400);
  if (logged.length === 0) return undefined;
  const perRun = logged.map((run) => {
    const totals = Object.fromEntries(
      RESOURCE_CATEGORIES.map((category) => [category, { transferBytes: 0, resourceBytes: 0, requests: 0 }]),
    ) as Record<ResourceCategory, ResourceFigures>;
    const files = new Map<string, Omit<ResourceFile, 'runs'>>();
    for (const request of run.network?.requests ?? []) {
      const party = classifyParty(request.url, run.url).party;
      const categories: ResourceCategory[] = [
        request.type,
        'total',
        ...(party === 'third' ? ['third-party' as const] : []),
      ];
      for (const category of categories) {
        totals[category].transferBytes += request.transferBytes;
        totals[category].resourceBytes += request.resourceBytes;
        totals[category].requests += 1;
      }
      const key = fileKey(request.url, run.url);
      const known = files.get(key);
      files.set(key, {
        url: request.url,
        key,
        type: known?.type ?? request.type,
        party,
        transferBytes: (known?.transferBytes ?? 0) + request.transferBytes,
      });
    }
    return { totals, files };
  });
  const categories = Object.fromEntries(
    RESOURCE_CATEGORIES.map((category) => [
      category,
      {
        transferBytes: median(perRun.map((run) => run.totals[category].transferBytes)),
        resourceBytes: median(perRun.map((run) => run.totals[category].resourceBytes)),
        requests: median(perRun.map((run) => run.totals[category].requests)),
      },
    ]),
  ) as Record<ResourceCategory, ResourceFigures>;
  const keys = new Set(perRun.flatMap((run) => [...run.files.keys()]));
  const files = [...keys].map((key): ResourceFile => {
    const seen = perRun.flatMap((run) => {
      const file = run.files.get(key);
      return file ? [file] : [];
    });
    const last = seen.at(-1) as Omit<ResourceFile, 'runs'>;
    return {
      ...last,
      transferBytes: median(perRun.map((run) => run.files.get(key)?.transferBytes ?? 0)),
      runs: seen.length,
    };
  });
  files.sort((a, b) => b.transferBytes - a.transferBytes || a.key.localeCompare(b.key));
  return { runs: logged.length, categories, files };
}
