import { describeError, UserError } from '../errors/UserError.js';
import type { Logger } from '../log/Logger.js';
import type { RequestOptions } from '../settings/Settings.js';

/** One request to a URL (redirects not followed); resolves to the HTTP status, rejects on network errors. */
export type Probe = (url: string, headers: Record<string, string>) => Promise<number>;

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
 * Waits until every URL answers 2xx or 3xx, retrying after 1, 2, 4 … (at most 30) seconds, for at most
 * `timeoutMs`. A preview that is still deploying typically answers 404 or refuses connections. Throws a
 * UserError saying what the URL last answered when it never does.
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
    let delayMs = 1000;
    let attempt = 0;
    for (;;) {
      attempt++;
      let last: string;
      try {
        const status = await deps.probe(url, headers);
        if (answered(status)) {
          if (attempt > 1) deps.log.info(`${url} answers HTTP ${status} (attempt ${attempt}).`);
          break;
        }
        last = `HTTP ${status}`;
      } catch (error) {
        last = describeError(error);
      }
      const left = deadline - deps.now();
      if (left <= 0) {
        const hint = /HTTP 40[13]/.test(last)
          ? ' A protected preview needs its bypass header or cookie (extra-headers, cookies).'
          : ' Is the deployment finished, and is the URL right?';
        throw new UserError(
          `The preview did not answer: ${url} last gave ${last} after ${attempt} attempt${attempt === 1 ? '' : 's'} in ${Math.round(timeoutMs / 1000)} s (wait-timeout).${hint}`,
        );
      }
      const wait = Math.min(delayMs, left);
      deps.log.info(`Waiting for ${url}: ${last}; next try in ${Math.round(wait / 1000)} s.`);
      await deps.sleep(wait);
      delayMs = Math.min(delayMs * 2, 30_000);
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
  return response.status;
};
