import { FieldError } from '../field/FieldError.js';
import { type HttpDeps, httpJson } from '../field/httpJson.js';
import type { FormFactors } from './chooseDevices.js';

/**
 * The origin's page views per device class from the CrUX API: a `queryRecord` for the origin without a
 * `formFactor` (only then CrUX answers `form_factors` fractions). Undefined when CrUX has no record for
 * the origin (404); other errors throw a FieldError that never contains the key.
 */
export async function cruxFormFactors(
  origin: string,
  options: { apiKey: string; baseUrl?: string },
  http: Pick<HttpDeps, 'fetch'>,
): Promise<FormFactors | undefined> {
  const base = options.baseUrl ?? 'https://chromeuxreport.googleapis.com';
  const what = `CrUX API (form factors of ${origin})`;
  const answer = await httpJson(
    http.fetch,
    what,
    `${base}/v1/records:queryRecord?key=${encodeURIComponent(options.apiKey)}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ origin, metrics: ['form_factors'] }),
    },
  );
  if (answer.status === 404) return undefined;
  if (answer.status !== 200) {
    const error = (answer.body as { error?: { status?: string; message?: string } } | undefined)?.error;
    throw new FieldError(`${what} answered HTTP ${answer.status}${error?.status ? ` ${error.status}` : ''}`);
  }
  const fractions = (
    answer.body as { record?: { metrics?: { form_factors?: { fractions?: Record<string, unknown> } } } }
  )?.record?.metrics?.form_factors?.fractions;
  if (!fractions) return undefined;
  const result: FormFactors = {};
  for (const name of ['phone', 'desktop', 'tablet'] as const) {
    const value = Number(fractions[name]);
    if (Number.isFinite(value)) result[name] = value;
  }
  return result;
}
