import { describeError } from '../errors/UserError.js';
import { FieldError } from './FieldError.js';

/** Node's `fetch`, or a fake in tests. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** The network I/O of the field-data sources, passed in: `fetch`, and `sleep` for waits between retries. */
export interface HttpDeps {
  fetch: Fetch;
  sleep(ms: number): Promise<void>;
}

export interface HttpAnswer {
  status: number;
  body: unknown;
  /** The Retry-After header, when the server sent one (a 429 or 503). */
  retryAfter?: string;
}

/**
 * One HTTP request that answers JSON. Network errors and timeouts become a FieldError that names `what`
 * (never the URL, which may carry an API key); a non-JSON body is `undefined`.
 */
export async function httpJson(
  fetch: Fetch,
  what: string,
  url: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
  timeoutMs = 15_000,
): Promise<HttpAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${timeoutMs / 1000} s`
        : describeError((error as { cause?: unknown }).cause ?? error);
    throw new FieldError(`${what}: ${reason}`);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    // The connection broke (or the timeout struck) while the body was arriving: say so and by whom.
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no complete answer within ${timeoutMs / 1000} s`
        : `the answer (HTTP ${response.status}) was cut off: ${describeError((error as { cause?: unknown }).cause ?? error)}`;
    throw new FieldError(`${what}: ${reason}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const retryAfter = response.headers.get('retry-after');
  return { status: response.status, body, ...(retryAfter ? { retryAfter } : {}) };
}
