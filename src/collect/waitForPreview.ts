import { describeError, UserError } from '../errors/UserError.js';
import type { Logger } from '../log/Logger.js';
import { retry } from '../retry/retry.js';
import type { RequestOptions } from '../settings/Settings.js';

/** What a URL answered: its HTTP status, and its Retry-After header when it sent one (a 503 or 429). */
export interface ProbeAnswer {
  status: number;
  retryAfter?: string;
}

/** One request to a URL (redirects not followed); rejects on network errors. */
export type Probe = (url: string, headers: Record<string, string>) => Promise<ProbeAnswer>;

export interface WaitDeps {
  probe: Probe;
  sleep(ms: number): Promise<void>;
  now(): number;
  log: Logger;
}

/** The preview's own request headers: the extra headers and the cookies as one Cookie header. */
export function previewHeaders(request: RequestOptions): Record<string, string> {
  const cookie = request.cookies.map(({ name, value }) => `${name}=${value}`).join('; ');
  return { ...request.headers, ...(cookie ? { cookie } : {}) };
}

const answered = (status: number) => status >= 200 && status < 400;

/**
 * Waits until every URL answers 2xx or 3xx, retrying after 1, 2, 4 … (at most 30) seconds, or as long as
 * its Retry-After asks, for at most `timeoutMs`. A preview that is still deploying typically answers 404 or
 * refuses connections. Throws a UserError saying what the URL last answered when it never does.
 */
export async function waitForPreview(
  urls: readonly string[],
  request: RequestOptions,
  timeoutMs: number,
  deps: WaitDeps,
): Promise<void> {
  const headers = previewHeaders(request);
  const deadline = deps.now() + timeoutMs;
  for (const url of urls) {
    const outcome = await retry<number>(
      async (attempt) => {
        try {
          const answer = await deps.probe(url, headers);
          if (!answered(answer.status))
            return { retry: `HTTP ${answer.status}`, retryAfter: answer.retryAfter };
          if (attempt > 1) deps.log.info(`${url} answers HTTP ${answer.status} (attempt ${attempt}).`);
          return { value: answer.status };
        } catch (error) {
          return { retry: describeError(error) };
        }
      },
      {
        delayMs: (attempt) => Math.min(1000 * 2 ** (attempt - 1), 30_000),
        sleep: (ms) => deps.sleep(ms),
        now: () => deps.now(),
        deadline,
        onRetry: (last, waitMs) =>
          deps.log.info(`Waiting for ${url}: ${last}; next try in ${Math.round(waitMs / 1000)} s.`),
      },
    );
    if ('gaveUp' in outcome) {
      const hint = /HTTP 40[13]/.test(outcome.gaveUp)
        ? ' A protected preview needs its bypass header or cookie (extra-headers, cookies).'
        : ' Is the deployment finished, and is the URL right?';
      throw new UserError(
        `The preview did not answer: ${url} last gave ${outcome.gaveUp} after ${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'} in ${Math.round(timeoutMs / 1000)} s (wait-timeout).${hint}`,
      );
    }
  }
}

/** The real probe: Node's fetch, redirects not followed (a redirect may lead to another host). */
export const fetchProbe: Probe = async (url, headers) => {
  const response = await fetch(url, {
    headers,
    redirect: 'manual',
    signal: AbortSignal.timeout(15_000),
  });
  await response.body?.cancel().catch(() => undefined);
  const retryAfter = response.headers.get('retry-after');
  return { status: response.status, ...(retryAfter ? { retryAfter } : {}) };
};
