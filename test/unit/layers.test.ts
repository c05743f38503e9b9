import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcRoot = fileURLToPath(new URL('../../src', import.meta.url));

/**
 * Folder pairs that still import each other both ways, written `a ↔ b` with a < b. The list may only shrink:
 * a new two-way pair means the layers (settings → collect → aggregate → field → compare/verdict → report →
 * publish, gate orchestrating, results below them all) have started to loop.
 */
const ALLOWED_TWO_WAY_PAIRS: string[] = [];

/** The top folder under src/ a file belongs to; a file directly in src/ is its own unit (`index.ts`). */
function unitOf(file: string): string {
  return relative(srcRoot, file).split('/')[0] ?? '';
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative module specifiers in static imports, re-exports, side-effect imports and dynamic imports. */
function relativeImports(source: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
  return [...source.matchAll(pattern)].map((match) => match[1] ?? '');
}

/** Every `from → to` unit edge with the files that make it. */
function unitEdges(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of sourceFiles(srcRoot)) {
    const from = unitOf(file);
    for (const specifier of relativeImports(readFileSync(file, 'utf8'))) {
      const to = unitOf(resolve(dirname(file), specifier));
      if (to === from) continue;
      const key = `${from} → ${to}`;
      edges.set(key, [...(edges.get(key) ?? []), relative(srcRoot, file)]);
    }
  }
  return edges;
}

describe('source layers', () => {
  const edges = unitEdges();

  it('reads the imports (the check is not vacuous)', () => {
    expect(edges.get('gate → results')).toContain('gate/runGate.ts');
    expect(edges.get('report → results')).toContain('report/renderComment.ts');
    expect(edges.get('index.ts → action')).toContain('index.ts');
  });

  it('has no folders that import each other both ways beyond the allow-list', () => {
    const twoWay = new Set<string>();
    for (const key of edges.keys()) {
      const [from = '', to = ''] = key.split(' → ');
      if (edges.has(`${to} → ${from}`)) twoWay.add([from, to].sort().join(' ↔ '));
    }
    const unexpected = [...twoWay].filter((pair) => !ALLOWED_TWO_WAY_PAIRS.includes(pair));
    const detail = unexpected.map((pair) => {
      const [a = '', b = ''] = pair.split(' ↔ ');
      return `${pair}: ${edges.get(`${a} → ${b}`)?.join(', ')} / ${edges.get(`${b} → ${a}`)?.join(', ')}`;
    });
    expect(detail).toEqual([]);
    // An allowed pair that no longer loops must leave the list, so the list only shrinks.
    expect(ALLOWED_TWO_WAY_PAIRS.filter((pair) => !twoWay.has(pair))).toEqual([]);
  });
});
