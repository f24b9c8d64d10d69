/**
 * Results of a pure computation remembered by key, at most `limit` of them: when full, all are
 * forgotten at once (no eviction order to keep). `limit` 0 remembers nothing. `compute` gets the key,
 * so a hot caller can pass one function instead of a closure per call.
 *
 * @example
 * const stemOf = boundedMemo<string>(10_000);
 * stemOf('running', stem); // computed once, then remembered
 */
export function boundedMemo<V>(limit: number): (key: string, compute: (key: string) => V) => V {
  const known = new Map<string, V>();
  return (key, compute) => {
    const hit = known.get(key);
    if (hit !== undefined || known.has(key)) return hit as V;
    const value = compute(key);
    if (limit > 0) {
      if (known.size >= limit) known.clear();
      known.set(key, value);
    }
    return value;
  };
}
