/** The distinct values of both lists, sorted: periods stored and periods computed on demand. */
export function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
