/** Small statistics for the benchmark: every figure is reported as median, min and max (and p95 where asked). */

export interface Stats {
  n: number;
  median: number;
  min: number;
  max: number;
  p95: number;
}

/** Nearest-rank percentile (p in 0..100) of a non-empty list. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length, Math.max(1, rank)) - 1]!;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function stats(xs: readonly number[]): Stats {
  return {
    n: xs.length,
    median: median(xs),
    min: xs.length ? Math.min(...xs) : NaN,
    max: xs.length ? Math.max(...xs) : NaN,
    p95: percentile(xs, 95),
  };
}

/** Rounds for the JSON file: milliseconds to 0.01, bytes untouched. */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function roundStats(s: Stats, digits = 2): Stats {
  return {
    n: s.n,
    median: round(s.median, digits),
    min: round(s.min, digits),
    max: round(s.max, digits),
    p95: round(s.p95, digits),
  };
}
