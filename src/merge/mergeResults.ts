import { UserError } from '../errors/UserError.js';
import type { GateResults, UrlResult } from '../results/GateResults.js';
import { computeVerdict } from '../verdict/computeVerdict.js';

/** One shard's results as found on disk, or why they could not be read. */
export interface ShardPart {
  /** Where it came from (a results.json path, or an artifact name). */
  source: string;
  results?: GateResults;
  error?: string;
}

const unique = (values: (string | undefined)[]) => [
  ...new Set(values.filter((v): v is string => Boolean(v))),
];

/** The URL's path and query below the base URL's prefix: how a plan names it. */
function planPath(url: string, baseUrl: string | undefined): string {
  const parsed = new URL(url);
  const prefix = baseUrl ? new URL(baseUrl).pathname.replace(/\/+$/, '') : '';
  const path =
    prefix && parsed.pathname.startsWith(prefix)
      ? parsed.pathname.slice(prefix.length) || '/'
      : parsed.pathname;
  return `${path}${parsed.search}`;
}

/**
 * Merges the results of the shards of one split into the results one runner would have written: every
 * URL once (in plan order), one verdict (the worst of the parts), the first shard's settings, field data
 * and plan. A shard that is missing, unreadable, from another split, or that did not measure every URL
 * assigned to it is a problem, said in `merge.problems`, and makes the verdict `error`. The same URL on the
 * same device in two shards is refused (a UserError): the parts do not belong to one split.
 */
export function mergeResults(parts: readonly ShardPart[], expectedCount?: number): GateResults {
  const problems: string[] = [];
  for (const part of parts) if (part.error) problems.push(`${part.source}: ${part.error}`);
  const shards = parts.filter((part): part is ShardPart & { results: GateResults } => Boolean(part.results));
  const first = shards[0]?.results;
  if (!first) {
    throw new UserError(
      `No shard results to merge${parts.length ? ` (${problems.join('; ')})` : ''}: expected results.json files written by 'shard: K/N' runs.`,
    );
  }
  const count = expectedCount ?? first.shard?.count ?? shards.length;
  const byIndex = new Map<number, ShardPart & { results: GateResults }>();
  for (const part of shards) {
    const shard = part.results.shard;
    if (!shard) {
      problems.push(`${part.source} is not a shard's results (no shard: K/N)`);
      continue;
    }
    if (shard.count !== count) {
      problems.push(`${part.source} is shard ${shard.index} of ${shard.count}, not of ${count}`);
      continue;
    }
    if (byIndex.has(shard.index)) {
      throw new UserError(
        `Shard ${shard.index} of ${count} appears twice (${byIndex.get(shard.index)?.source} and ${part.source}): merge the results of one run.`,
      );
    }
    byIndex.set(shard.index, part);
  }
  const seen = new Map<string, string>();
  const urls: UrlResult[] = [];
  const devices = unique([...byIndex.values()].map((part) => part.results.shard?.device));
  for (let index = 1; index <= count; index++) {
    const part = byIndex.get(index);
    if (!part) {
      problems.push(`shard ${index} of ${count} is missing (its job failed or uploaded no results)`);
      continue;
    }
    const { results } = part;
    const shard = results.shard as NonNullable<GateResults['shard']>;
    if (results.cancelled) {
      problems.push(
        `shard ${index} of ${count} was cancelled (${results.cancelled.reason}) after ${results.cancelled.measured}`,
      );
    }
    for (const result of results.urls) {
      const key = `${shard.device} ${result.url}`;
      const other = seen.get(key);
      if (other) {
        throw new UserError(
          `${result.url} (${shard.device}) is in two shards (${other} and ${part.source}): the shards do not belong to one split.`,
        );
      }
      seen.set(key, part.source);
      urls.push(devices.length > 1 ? { ...result, device: shard.device } : result);
    }
    const measured = new Set(results.urls.map((result) => result.url));
    const unmeasured = shard.urls.filter((url) => !measured.has(url));
    if (unmeasured.length) {
      problems.push(
        `shard ${index} of ${count} measured ${shard.urls.length - unmeasured.length} of its ${shard.urls.length} pages (not measured: ${unmeasured.join(', ')})`,
      );
    }
  }
  const totals = new Set([...byIndex.values()].map((part) => part.results.shard?.total));
  const assigned = [...byIndex.values()].reduce(
    (sum, part) => sum + (part.results.shard?.urls.length ?? 0),
    0,
  );
  if (totals.size > 1) {
    problems.push(
      `the shards disagree on the split (${[...totals].join(' vs ')} pages in all): did their jobs get different inputs?`,
    );
  } else if (byIndex.size === count && [...totals][0] !== undefined && assigned !== [...totals][0]) {
    problems.push(`the shards were assigned ${assigned} of the split's ${[...totals][0]} pages`);
  }
  const plan = first.plan;
  if (plan) {
    const order = new Map(plan.pages.map((page, position) => [page.path, position]));
    const rank = (result: UrlResult) =>
      order.get(planPath(result.url, first.settings.baseUrl)) ?? plan.pages.length;
    urls.sort((a, b) => rank(a) - rank(b) || (a.device ?? '').localeCompare(b.device ?? ''));
  }
  const verdict = computeVerdict(urls.map((url) => url.verdict));
  const all = [...byIndex.values()].map((part) => part.results);
  const { shard: _shard, cancelled: _cancelled, ...base } = first;
  return {
    ...base,
    startedAt: all.map((r) => r.startedAt).sort()[0] ?? first.startedAt,
    finishedAt:
      all
        .map((r) => r.finishedAt)
        .sort()
        .at(-1) ?? first.finishedAt,
    settings: { ...first.settings, urls: unique(urls.map((url) => url.url)) },
    environment: {
      ...first.environment,
      ...(unique(all.map((r) => r.environment.browser)).length
        ? { browser: unique(all.map((r) => r.environment.browser)).join(' · ') }
        : {}),
      profile: unique(all.map((r) => r.environment.profile)).join(' · '),
    },
    urls,
    verdict: problems.length ? { ...verdict, status: 'error' } : verdict,
    merge: { count, merged: [...byIndex.keys()].sort((a, b) => a - b), problems },
  };
}
