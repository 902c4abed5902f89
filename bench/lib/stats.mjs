// Small statistics for the report: medians, nearest-rank percentiles, spreads.
export const sorted = xs => [...xs].sort((a, b) => a - b);
export const median = xs => {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Nearest-rank percentile (p in 0..1). */
export const percentile = (xs, p) => {
  const s = sorted(xs);
  return s.length === 0 ? NaN : s[Math.max(0, Math.ceil(s.length * p) - 1)];
};
/** Median of per-run values, with their range. */
export const summary = xs => ({ m: median(xs), lo: Math.min(...xs), hi: Math.max(...xs), n: xs.length });
