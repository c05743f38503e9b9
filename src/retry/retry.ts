/** What one attempt gave: a value, or a reason to try again (with the server's `Retry-After`, if any). */
export type Attempt<T> = { value: T } | { retry: string; retryAfter?: string | undefined };

export interface RetryOptions {
  /** The wait before attempt `attempt + 1` (ms), or undefined to stop after `attempt` attempts. */
  delayMs(attempt: number): number | undefined;
  sleep(ms: number): Promise<void>;
  /** The clock (ms since the epoch) for an HTTP-date `Retry-After` and the deadline; default Date.now. */
  now?: () => number;
  /** No wait goes past this time (ms since the epoch): the last wait is shortened to it, then it stops. */
  deadline?: number;
  /** The longest `Retry-After` honoured (ms); default 60 s. */
  maxRetryAfterMs?: number;
  /** Before each wait: why, how long, and how many attempts were made. */
  onRetry?(reason: string, waitMs: number, attempt: number): void;
}

/** How it ended: the value, or the last reason after `attempts` attempts. */
export type RetryOutcome<T> = { value: T; attempts: number } | { gaveUp: string; attempts: number };

/** A `Retry-After` header in ms: delay-seconds or an HTTP-date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Runs `attempt` until it gives a value, waiting `delayMs(n)` after the n-th failed attempt, or longer
 * when the server asked for it with `Retry-After` (up to `maxRetryAfterMs`), never past the deadline.
 * Errors `attempt` throws are not retried: they propagate.
 */
export async function retry<T>(
  attempt: (n: number) => Promise<Attempt<T>>,
  options: RetryOptions,
): Promise<RetryOutcome<T>> {
  const now = options.now ?? Date.now;
  for (let n = 1; ; n++) {
    const result = await attempt(n);
    if ('value' in result) return { value: result.value, attempts: n };
    const scheduled = options.delayMs(n);
    if (scheduled === undefined) return { gaveUp: result.retry, attempts: n };
    const asked = retryAfterMs(result.retryAfter, now());
    let wait = Math.max(scheduled, Math.min(asked ?? 0, options.maxRetryAfterMs ?? 60_000));
    if (options.deadline !== undefined) {
      const left = options.deadline - now();
      if (left <= 0) return { gaveUp: result.retry, attempts: n };
      wait = Math.min(wait, left);
    }
    options.onRetry?.(result.retry, wait, n);
    await options.sleep(wait);
  }
}
