import { join } from 'node:path';
import { aggregateRuns } from '../aggregate/aggregateRuns.js';
import type { BudgetsFile } from '../budgets/Budgets.js';
import { defaultBudgets } from '../budgets/defaultBudgets.js';
import { loadBudgets, type ReadText } from '../budgets/loadBudgets.js';
import { relativeBudgetPaths } from '../budgets/relativeBudgetPaths.js';
import { resolveBudget } from '../budgets/resolveBudget.js';
import { describeProfile } from '../collect/deviceProfiles.js';
import type { InteractionProfile } from '../collect/InteractionProfile.js';
import type { Measurer, RunPlan } from '../collect/Measurer.js';
import type { LighthouseSummary, RunMeasurement } from '../collect/RunMeasurement.js';
import { type Probe, waitForPreview } from '../collect/waitForPreview.js';
import { CancelledError, withDeadline } from '../collect/withDeadline.js';
import { anyInconclusive, type Comparison, compareRuns } from '../compare/compareRuns.js';
import { describeError } from '../errors/UserError.js';
import { collectFieldData, type FieldOutcome } from '../field/collectFieldData.js';
import type { Fetch } from '../field/httpJson.js';
import { matchFieldPage } from '../field/matchFieldPage.js';
import type { Logger } from '../log/Logger.js';
import { formatValue } from '../report/formatValue.js';
import { renderReport } from '../report/renderReport.js';
import type { GateResults, UrlResult } from '../results/GateResults.js';
import { prepareOutputDir } from '../results/prepareOutputDir.js';
import {
  lighthouseReportName,
  type OutputFiles,
  type WrittenOutputs,
  writeOutputs,
} from '../results/writeOutputs.js';
import { baselineFor } from '../settings/parseSettings.js';
import type { Settings } from '../settings/Settings.js';
import { computeVerdict, verdictForUrl } from '../verdict/computeVerdict.js';
import { profileUrl } from './profileUrl.js';
import { aheadOfRun, type UrlSteps } from './stepsAhead.js';

/** The settings as written to results.json: the CrUX API key, header and cookie values replaced by `***`. */
export function maskSecrets(settings: Settings): Settings {
  const { headers, cookies } = settings.request;
  return {
    ...settings,
    rum: settings.rum.cruxApiKey ? { ...settings.rum, cruxApiKey: '***' } : settings.rum,
    request: {
      ...settings.request,
      headers: Object.fromEntries(Object.keys(headers).map((name) => [name, '***'])),
      cookies: cookies.map((cookie) => ({ name: cookie.name, value: '***' })),
    },
  };
}

/** Everything the gate does I/O with, passed in. */
export interface GateDeps {
  log: Logger;
  readText: ReadText;
  files: OutputFiles;
  /**
   * Starts the browser (finding Chrome); called once, after the budgets are known to be valid. When
   * `signal` aborts, the run under way ends at once.
   */
  launchMeasurer(settings: Settings, signal?: AbortSignal): Promise<Measurer>;
  now(): Date;
  /** One request to a URL, for waiting until the preview answers. */
  probe: Probe;
  sleep(ms: number): Promise<void>;
  /** HTTP for the field data sources (Node's fetch). */
  fetch: Fetch;
  toolVersion: string;
}

/** What the caller may give the gate beyond its settings. */
export interface GateOptions {
  /** Budgets already loaded (the demo's embedded ones). */
  budgets?: BudgetsFile;
  /** Field data already read. */
  field?: FieldOutcome;
  /** Which shard this run is, and the plan its pages came from: written into results.json. */
  context?: Pick<GateResults, 'shard' | 'plan'>;
  /**
   * Cancels the gate (SIGTERM, SIGINT): measuring stops at once, and results.json and the report are
   * written with what was measured, marked cancelled, with no verdict.
   */
  signal?: AbortSignal;
}

export interface GateOutcome extends WrittenOutputs {
  results: GateResults;
  markdown: string;
}

function describeRun(run: RunMeasurement): string {
  if (run.error && !run.lcp) return `failed: ${run.error}`;
  const parts = [
    `LCP ${formatValue('LCP', run.lcp?.value)}`,
    ...(run.inp ? [`INP ${formatValue('INP', run.inp.value)}`] : []),
    `CLS ${formatValue('CLS', run.cls?.value)}`,
    `FCP ${formatValue('FCP', run.fcp?.value)}`,
    `TTFB ${formatValue('TTFB', run.ttfb?.value)}`,
  ];
  return `${parts.join(', ')} (${(run.wallMs / 1000).toFixed(1)} s)${run.error ? `; ${run.error}` : ''}`;
}

interface Interleaved {
  runs: RunMeasurement[];
  baselineRuns: RunMeasurement[];
  pairs: number;
  comparisons: Comparison[];
}

/**
 * Loads the candidate and the baseline alternately in the same Chrome (A B, then B A: runner noise and
 * order effects hit both sides alike), `runs` pairs, then one more pair at a time while a deciding
 * comparison is inconclusive, up to `maxRuns` pairs.
 */
async function measureInterleaved(
  url: string,
  baselineUrl: string,
  settings: Settings,
  plan: RunPlan,
  measurer: Measurer,
  deps: GateDeps,
  compare: (candidate: RunMeasurement[], baseline: RunMeasurement[]) => Comparison[],
  signal?: AbortSignal,
): Promise<Interleaved> {
  const runs: RunMeasurement[] = [];
  const baselineRuns: RunMeasurement[] = [];
  let comparisons: Comparison[] = [];
  let pairs = 0;
  while (pairs < settings.maxRuns) {
    const index = pairs;
    const order =
      index % 2 === 0 ? (['candidate', 'baseline'] as const) : (['baseline', 'candidate'] as const);
    for (const side of order) {
      if (signal?.aborted) break;
      const run = await measurer.measure(side === 'candidate' ? url : baselineUrl, index, plan);
      if (run.failure?.kind !== 'cancelled') (side === 'candidate' ? runs : baselineRuns).push(run);
    }
    if (signal?.aborted) break;
    pairs++;
    deps.log.info(
      `pair ${pairs}: candidate ${describeRun(runs.at(-1) as RunMeasurement)} | baseline ${describeRun(baselineRuns.at(-1) as RunMeasurement)}`,
    );
    if (pairs < settings.runs) continue;
    comparisons = compare(runs, baselineRuns);
    if (!anyInconclusive(comparisons)) break;
    if (pairs < settings.maxRuns) deps.log.info('inconclusive: adding a run pair');
  }
  return { runs, baselineRuns, pairs, comparisons };
}

async function measureUrl(
  url: string,
  position: number,
  settings: Settings,
  plan: RunPlan,
  measurer: Measurer,
  deps: GateDeps,
  baseline?: { url: string; compare: (c: RunMeasurement[], b: RunMeasurement[]) => Comparison[] },
  signal?: AbortSignal,
  moreUrls = false,
): Promise<{
  runs: RunMeasurement[];
  lighthouse?: LighthouseSummary;
  interactionProfile?: InteractionProfile;
  interleaved?: Interleaved;
}> {
  let runs: RunMeasurement[] = [];
  let interleaved: Interleaved | undefined;
  if (baseline) {
    interleaved = await measureInterleaved(
      url,
      baseline.url,
      settings,
      plan,
      measurer,
      deps,
      baseline.compare,
      signal,
    );
    runs = interleaved.runs;
  } else {
    const steps: UrlSteps = {
      runs: settings.runs,
      lighthouse: settings.lighthouse,
      moreUrls,
    };
    for (let index = 0; index < settings.runs && !signal?.aborted; index++) {
      const run = await measurer.measure(url, index, plan, aheadOfRun(index, steps));
      if (run.failure?.kind === 'cancelled') break; // measured nothing: not kept
      runs.push(run);
      deps.log.info(`run ${index + 1}/${settings.runs}: ${describeRun(run)}`);
    }
  }
  if (signal?.aborted) return { runs, ...(interleaved ? { interleaved } : {}) };
  // Like Lighthouse, not made for a page no run reached.
  const reached = runs.some((run) => run.status !== undefined);
  const interactionProfile = reached ? await profileUrl(url, settings, plan, measurer, deps.log) : undefined;
  const measured = { runs, ...(interactionProfile ? { interactionProfile } : {}) };
  if (!settings.lighthouse || signal?.aborted)
    return { ...measured, ...(interleaved ? { interleaved } : {}) };
  if (!runs.some((run) => run.status !== undefined)) {
    // A page that never answered would only hold Lighthouse up to its bound for nothing.
    deps.log.info('Lighthouse skipped: no measured run reached the page.');
    const lighthouse = { error: 'skipped: no measured run reached the page' };
    return { ...measured, lighthouse, ...(interleaved ? { interleaved } : {}) };
  }
  deps.log.info('Lighthouse navigation (performance category)…');
  const { summary, html } = await measurer.lighthouse(url);
  if (html) {
    summary.reportFile = lighthouseReportName(url, position);
    try {
      await deps.files.mkdir(settings.outputDir);
      await deps.files.writeFile(join(settings.outputDir, summary.reportFile), html);
    } catch (error) {
      // The measured runs matter more than Lighthouse's HTML: said, not thrown.
      summary.error = `its HTML report could not be written: ${describeError(error)}`;
      delete summary.reportFile;
    }
  }
  deps.log.info(
    summary.error
      ? `Lighthouse failed: ${summary.error}`
      : `Lighthouse: performance ${summary.performanceScore ?? '–'}, TBT ${formatValue('TBT', summary.tbt)}`,
  );
  return { ...measured, lighthouse: summary, ...(interleaved ? { interleaved } : {}) };
}

/** What a cancelled gate says: why it stopped and how far it got. */
function cancelNote(
  signal: AbortSignal,
  urls: readonly UrlResult[],
  total: number,
): GateResults['cancelled'] {
  const runs = urls.reduce((sum, url) => sum + url.runs.length, 0);
  return {
    reason: typeof signal.reason === 'string' ? signal.reason : 'cancelled',
    measured: `${runs} run${runs === 1 ? '' : 's'} of ${urls.length} of ${total} page${total === 1 ? '' : 's'}`,
  };
}

/**
 * The whole gate, shared by the action and the CLI: load budgets (unless given already loaded), measure every URL (runs, then one
 * Lighthouse navigation), aggregate, decide, render, write results.json and report.md. Whatever was
 * measured is written even when a later step throws.
 */
export async function runGate(
  settings: Settings,
  deps: GateDeps,
  preloaded: GateOptions = {},
): Promise<GateOutcome> {
  const { signal } = preloaded;
  const startedAt = deps.now().toISOString();
  const budgets: BudgetsFile =
    preloaded?.budgets ??
    (settings.budgetsPath ? await loadBudgets(settings.budgetsPath, deps.readText) : defaultBudgets());
  for (const warning of budgets.warnings ?? []) deps.log.warning(`Budgets: ${warning}`);
  const relative = relativeBudgetPaths(budgets);
  if (relative.length > 0 && settings.rum.source === 'none' && !preloaded?.field) {
    deps.log.warning(
      `Budgets: ${relative.slice(0, 3).join(', ')}${relative.length > 3 ? ` and ${relative.length - 3} more` : ''} compare with production field data (relativeTo: "rum"), but rum-source is none: these comparisons are not measured. Set rum-source (file, crux, prometheus or loki).`,
    );
  }
  await prepareOutputDir(settings.outputDir, deps.files);
  // Steps before measuring give way at once to a cancellation.
  const cancellable = <T>(work: Promise<T>, what: string) =>
    withDeadline(work, Number.POSITIVE_INFINITY, what, signal);
  // Chrome starts while field data is read and the pages are waited for: nothing is measured before both are
  // done. A shard with no pages (more shards than pages) has nothing to load: no browser.
  const launching =
    signal?.aborted || settings.urls.length === 0 ? undefined : deps.launchMeasurer(settings, signal);
  launching?.catch(() => undefined); // awaited below, after the steps before measuring
  const closeUnused = async () => {
    const unused = await launching?.catch(() => undefined);
    await unused?.close();
  };
  const stepsBeforeMeasuring = async (): Promise<FieldOutcome> => {
    const outcome = await deps.log.group('Field data', async () => {
      const outcome =
        preloaded?.field ??
        (await cancellable(
          collectFieldData(settings.rum, settings.urls, settings.device, budgets.field ?? {}, deps),
          'reading field data',
        ).catch((error: unknown) => {
          if (error instanceof CancelledError)
            return { source: settings.rum.source, error: 'cancelled' } as FieldOutcome;
          throw error;
        }));
      if (outcome.error) deps.log.warning(`Field data unavailable (${outcome.source}): ${outcome.error}`);
      else if (outcome.snapshot) {
        deps.log.info(
          `${outcome.snapshot.description}: ${Object.keys(outcome.snapshot.pages).length} page(s)`,
        );
      } else deps.log.info('No field data source configured (rum-source: none).');
      return outcome;
    });
    if (settings.waitTimeoutMs > 0 && !signal?.aborted) {
      await deps.log.group('Waiting for the pages to answer', () =>
        cancellable(
          waitForPreview(settings.urls, settings.request, settings.waitTimeoutMs, {
            ...deps,
            now: () => deps.now().getTime(),
          }),
          'waiting for the pages',
        ).catch((error: unknown) => {
          if (!(error instanceof CancelledError)) throw error;
        }),
      );
    }
    return outcome;
  };
  const field = await stepsBeforeMeasuring().catch(async (error: unknown) => {
    await closeUnused();
    throw error;
  });
  const routes = budgets.field?.routes ?? [];
  const keepQuery = budgets.field?.keepQuery ?? false;
  const measurer = signal?.aborted ? await closeUnused().then(() => undefined) : await launching;
  const urls: UrlResult[] = [];
  const assemble = (): GateResults => ({
    schemaVersion: 1,
    tool: { name: 'vitals-gate', version: deps.toolVersion },
    startedAt,
    finishedAt: deps.now().toISOString(),
    settings: maskSecrets(settings),
    environment: {
      ...(measurer ? { browser: measurer.browserVersion } : {}),
      node: process.version,
      profile: describeProfile(settings.device, settings.throttling === 'device'),
    },
    budgetsSource: budgets.source,
    field,
    urls,
    ...(signal?.aborted ? { cancelled: cancelNote(signal, urls, settings.urls.length) } : {}),
    verdict: signal?.aborted
      ? { status: 'cancelled', urls: urls.map((url) => url.verdict) }
      : computeVerdict(urls.map((url) => url.verdict)),
    ...preloaded.context,
  });
  let finished = false;
  let closing: Promise<void> | undefined;
  try {
    for (const [position, url] of settings.urls.entries()) {
      if (!measurer || signal?.aborted) break;
      const budget = resolveBudget(budgets, url);
      const plan: RunPlan = budget.interactions ? { interactions: budget.interactions } : {};
      const count = budget.interactions?.length ?? 0;
      const steps = count ? `, ${count} interaction step${count === 1 ? '' : 's'}` : '';
      const match = field.snapshot ? matchFieldPage(field.snapshot, url, routes, keepQuery) : undefined;
      const baselineUrl = settings.baselineUrl
        ? baselineFor(url, settings.baselineUrl, settings.baseUrl)
        : undefined;
      const compare = (c: RunMeasurement[], b: RunMeasurement[]) =>
        compareRuns(c, b, { tolerance: settings.regressionTolerance }, match);
      const title = baselineUrl
        ? `Measuring ${url} against ${baselineUrl} (${settings.runs}-${settings.maxRuns} interleaved pairs${steps})`
        : `Measuring ${url} (${settings.runs} run${settings.runs === 1 ? '' : 's'}${steps})`;
      const { interleaved, ...measured } = await deps.log.group(title, () =>
        measureUrl(
          url,
          position,
          settings,
          plan,
          measurer,
          deps,
          baselineUrl ? { url: baselineUrl, compare } : undefined,
          signal,
          position < settings.urls.length - 1,
        ),
      );
      if (measured.runs.length === 0 && signal?.aborted) break;
      const aggregate = aggregateRuns(measured.runs, measured.lighthouse, measured.interactionProfile);
      const comparisons = interleaved?.comparisons ?? [];
      urls.push({
        url,
        ...measured,
        aggregate,
        budget,
        ...(match ? { field: match } : {}),
        ...(interleaved && baselineUrl
          ? {
              baseline: {
                url: baselineUrl,
                runs: interleaved.baselineRuns,
                aggregate: aggregateRuns(interleaved.baselineRuns),
                pairs: interleaved.pairs,
                comparisons,
              },
            }
          : {}),
        verdict: verdictForUrl(url, aggregate, budget, match, comparisons),
      });
    }
    finished = true;
  } finally {
    // Chrome closes while the results are assembled and written: nothing is measured any more.
    closing = measurer?.close();
    // Awaited below (its error still surfaces there), but not an unhandled rejection meanwhile.
    closing?.catch(() => undefined);
    if (!finished) {
      // Something failed mid-way: keep what was measured before rethrowing.
      if (urls.length > 0) {
        const partial = assemble();
        await writeOutputs(partial, renderReport(partial), settings.outputDir, deps.files).catch(
          () => undefined,
        );
      }
      await closing;
    }
  }
  try {
    const results = assemble();
    const markdown = renderReport(results);
    const written = await writeOutputs(results, markdown, settings.outputDir, deps.files);
    return { results, markdown, ...written };
  } finally {
    await closing;
  }
}
