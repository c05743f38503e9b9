import { describeError } from '../errors/UserError.js';
import type { Logger } from '../log/Logger.js';

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

/** Server errors, rate limits and network failures are worth another try; 4xx answers are not. */
export function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status >= 500 || status === 429;
}

/** Runs `call`, retrying transient failures after each of `delaysMs`; rethrows the last error. */
export async function withRetries<T>(
  what: string,
  call: () => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const delay = options.delaysMs[attempt];
      if (delay === undefined || !isTransient(error)) throw error;
      options.log.info(
        `${what} failed (${statusOf(error) ?? describeError(error)}); retrying in ${Math.round(delay / 100) / 10} s.`,
      );
      await options.sleep(delay);
    }
  }
}
