/**
 * A value made on first use, then kept: JSON Schema validators are compiled when a file of their kind is
 * first read, not when the bundle loads (ajv takes 0.05–0.2 s per schema; most runs read none of them).
 */
export function compileOnce<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}
