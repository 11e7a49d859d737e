/** Median and 95th percentile of samples, for printing. */
export function summarise(samples: number[]): { median: number; p95: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;
