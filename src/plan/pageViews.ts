import type { FieldPage, FieldSnapshot } from '../field/FieldData.js';

/**
 * Page views of one field page: its LCP sample count (one LCP report per page view), else the largest
 * sample count of any metric; undefined when the source gives no counts.
 */
export function viewsOf(page: FieldPage): number | undefined {
  const lcp = page.metrics.LCP?.samples;
  if (lcp !== undefined) return lcp;
  const counts = Object.values(page.metrics)
    .map((value) => value?.samples)
    .filter((count): count is number => count !== undefined);
  return counts.length ? Math.max(...counts) : undefined;
}

/** Page views per page key of a snapshot (keys without counts are left out). */
export function pageViews(snapshot: FieldSnapshot): Map<string, number> {
  const views = new Map<string, number>();
  for (const [key, page] of Object.entries(snapshot.pages)) {
    const count = viewsOf(page);
    if (count !== undefined) views.set(key, count);
  }
  return views;
}
