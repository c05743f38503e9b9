import type { RunFailure, RunMeasurement } from './RunMeasurement.js';
import type { RunFacts } from './watchRun.js';

export interface RunClassification {
  /** The run's failure, if it failed: what happened, and whose doing it was. */
  error?: string;
  failure?: RunFailure;
  /** The figures are another page's (an error page, a login wall): not kept. */
  dropMetrics: boolean;
}

const CREDENTIALS_HINT = 'give the credentials with `extra-headers` or `cookies`';

/** Whether two URLs are on the same host (`www.` aside: an apex-to-www redirect is not another site). */
export function sameHost(a: string, b: string): boolean {
  const host = (url: string) => new URL(url).hostname.replace(/^www\./, '');
  return host(a) === host(b);
}

/** Whole seconds, rounded down (a lower bound: "blocked for > 9 s"). */
const seconds = (ms: number) => Math.max(0, Math.floor(ms / 1000));

/** The cross-host hops of a redirect chain, for the report: `a → b → c` when any hop left the host. */
export function crossHostChain(redirects: readonly string[] | undefined): string | undefined {
  if (!redirects || redirects.length < 2) return undefined;
  const [first] = redirects;
  if (!first || redirects.every((hop) => sameHost(hop, first))) return undefined;
  return redirects.join(' → ');
}

/**
 * Decides whether a run failed and whose failure it was, from what the browser saw (`facts`) and what the
 * run itself recorded (`run.error` / `run.failure`, set for the measurement's own failures and for what
 * was thrown). Order matters: the strongest evidence about the page comes first.
 */
export function classifyRun(
  run: Pick<RunMeasurement, 'url' | 'status' | 'error' | 'failure'>,
  facts: RunFacts,
  timeoutMs: number,
): RunClassification {
  const page = (kind: RunFailure['kind'], error: string, dropMetrics = false): RunClassification => ({
    error,
    failure: { by: 'page', kind },
    dropMetrics,
  });
  if (facts.cancelled)
    return {
      error: 'cancelled before the run finished',
      failure: { by: 'tool', kind: 'cancelled' },
      dropMetrics: false,
    };
  const [landed, ...later] = facts.commits;
  if (landed && !sameHost(landed, run.url)) {
    return page(
      'other-host',
      `the page ended on another host, ${landed} (asked for ${run.url}): a login or access wall? If the preview is protected, ${CREDENTIALS_HINT}; otherwise measure the final URL`,
      true,
    );
  }
  const finalUrl = landed ?? run.url;
  if (run.status === 401 || run.status === 403) {
    return page(
      'protected',
      `the page answered HTTP ${run.status} at ${finalUrl}: it is protected (a login or access wall); ${CREDENTIALS_HINT}`,
      true,
    );
  }
  if (run.status !== undefined && run.status >= 400) {
    return page(
      'http-error',
      `the page answered HTTP ${run.status}${finalUrl !== run.url ? ` at ${finalUrl}` : ''}`,
      true,
    );
  }
  if (facts.documentFailed) {
    return page(
      'broken-transfer',
      `the document's transfer broke off (${facts.documentFailed}): the browser got an incomplete page`,
    );
  }
  const away = later.find((url) => !sameHost(url, run.url));
  if (away) return page('other-host', `a script sent the page to another host, ${away}, during the run`);
  if (facts.expired) {
    const limit = `the run's timeout of ${seconds(timeoutMs)} s`;
    if (facts.blockedForMs !== undefined) {
      const blocked = seconds(facts.blockedForMs);
      return page(
        'frozen',
        facts.phase === 'loaded'
          ? `the page's main thread was blocked for > ${blocked} s after load (no answer until ${limit})`
          : `the page's main thread was blocked for > ${blocked} s before its load event finished (no answer until ${limit})`,
      );
    }
    if (facts.phase === 'waiting') return page('timeout', `the page did not answer within ${limit}`);
    if (facts.phase === 'loading') return page('timeout', `the page did not finish loading within ${limit}`);
    return page('timeout', `the run did not finish within ${limit}`);
  }
  if (run.failure && run.error) return { error: run.error, failure: run.failure, dropMetrics: false };
  if (run.error) return page('other', run.error);
  return { dropMetrics: false };
}
