import { compilePathPattern } from '../budgets/matchPath.js';
import type { FieldMatch, FieldSnapshot } from './FieldData.js';

/**
 * The path a field page key stands for: a full URL loses its origin, and the query string is dropped
 * unless `keepQuery`. Trailing slashes are removed (except for `/`).
 */
export function normalizePage(page: string, keepQuery = false): string {
  let path = page;
  try {
    const url = new URL(page);
    path = `${url.pathname}${keepQuery ? url.search : ''}`;
  } catch {
    if (!keepQuery) path = path.replace(/[?#].*$/, '');
  }
  if (!path.startsWith('/')) path = `/${path}`;
  return path.length > 1 ? path.replace(/\/+$/, '') || '/' : path;
}

/** The route pattern a path belongs to (first match), or the path itself. */
export function routeOf(path: string, routes: readonly string[]): string {
  return routes.find((route) => compilePathPattern(route).test(path)) ?? path;
}

/**
 * Finds the field data of a measured URL, in this order: its exact path; the route pattern it belongs to
 * (`routes`); a pattern key of the snapshot that matches it; the origin-level entry `*`. Query strings
 * are ignored unless `keepQuery`.
 */
export function matchFieldPage(
  snapshot: FieldSnapshot,
  url: string,
  routes: readonly string[] = [],
  keepQuery = false,
): FieldMatch {
  const path = normalizePage(url, keepQuery);
  const route = routeOf(path, routes);
  const pattern = Object.keys(snapshot.pages).find(
    (key) => key !== '*' && key.includes('*') && compilePathPattern(key).test(path),
  );
  for (const key of [path, route, pattern]) {
    const page = key === undefined ? undefined : snapshot.pages[key];
    if (key !== undefined && page) return { status: 'found', key, page };
  }
  const origin = snapshot.pages['*'];
  if (origin) return { status: 'found', key: '*', page: { ...origin, scope: 'origin' } };
  return { status: 'missing', reason: `no field data for ${path}` };
}
