import { describeError } from '../errors/UserError.js';
import type { Logger } from '../log/Logger.js';
import { retry } from '../retry/retry.js';

export interface RetryOptions {
  /** Waits before the 2nd, 3rd … attempt; its length + 1 is the number of attempts. */
  delaysMs: readonly number[];
  sleep(ms: number): Promise<void>;
  log: Pick<Logger, 'info'>;
}

/** The HTTP status of a thrown API error, if it has one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** The Retry-After header of a thrown Octokit error, if its response had one. */
function retryAfterOf(error: unknown): string | undefined {
  const headers = (error as { response?: { headers?: Record<string, unknown> } } | null)?.response?.headers;
  const value = headers?.['retry-after'];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/**
 * Server errors, rate limits and network failures are worth another try; other 4xx answers are not, except
 * GitHub's secondary rate limit: a 403 that says when to come back (Retry-After).
 */
export function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  if (status === 403) return retryAfterOf(error) !== undefined;
  return status === undefined || status >= 500 || status === 429;
}

/**
 * Runs `call`, retrying transient failures after each of `delaysMs` (longer when GitHub's Retry-After
 * asks for it); rethrows the last error.
 */
export async function withRetries<T>(
  what: string,
  call: () => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  let lastError: unknown;
  const outcome = await retry<T>(
    async () => {
      try {
        return { value: await call() };
      } catch (error) {
        if (!isTransient(error)) throw error;
        lastError = error;
        return { retry: String(statusOf(error) ?? describeError(error)), retryAfter: retryAfterOf(error) };
      }
    },
    {
      delayMs: (attempt) => options.delaysMs[attempt - 1],
      sleep: (ms) => options.sleep(ms),
      onRetry: (reason, waitMs) =>
        options.log.info(`${what} failed (${reason}); retrying in ${Math.round(waitMs / 100) / 10} s.`),
    },
  );
  if ('value' in outcome) return outcome.value;
  throw lastError;
}
