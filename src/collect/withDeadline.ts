/** Thrown when a step did not finish before its deadline. */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/** Thrown when the run was cancelled (SIGTERM, SIGINT) while a step was waiting. */
export class CancelledError extends Error {
  override name = 'CancelledError';
}

/**
 * Settles as `work` does, or rejects at `deadline` (epoch ms) with a `DeadlineError` saying `what` did not
 * finish, or as soon as `signal` aborts with a `CancelledError`, whichever comes first. The work itself is
 * not stopped: the caller disposes of what it was waiting on (a browser context, a page), which also makes
 * the abandoned promise settle; its late rejection is swallowed here.
 */
export function withDeadline<T>(
  work: Promise<T>,
  deadline: number,
  what: string,
  signal?: AbortSignal,
): Promise<T> {
  work.catch(() => undefined);
  if (signal?.aborted) return Promise.reject(new CancelledError(`${what}: cancelled`));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError(`${what}: cancelled`));
    };
    // No timer for an infinite deadline (setTimeout would overflow and fire at once): the signal only.
    const timer = Number.isFinite(deadline)
      ? setTimeout(
          () => {
            signal?.removeEventListener('abort', onAbort);
            reject(new DeadlineError(`${what} did not finish in time`));
          },
          Math.max(0, deadline - Date.now()),
        )
      : undefined;
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
