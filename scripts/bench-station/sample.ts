// Samples and latency figures of the bench page.

export interface Latency {
  p95: number;
  median: number;
  n: number;
}

/** p95 and median of samples in milliseconds (0 for none). */
export function summary(ms: number[]): Latency {
  const s = [...ms].sort((a, b) => a - b);
  return {
    p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0,
    median: s[Math.floor(s.length / 2)] ?? 0,
    n: s.length,
  };
}

/** n items drawn from xs by a seeded LCG (the same picks every run). */
export function pick<T>(xs: readonly T[], n: number, seed: number): T[] {
  let s = seed >>> 0;
  const out: T[] = [];
  for (let i = 0; i < n && xs.length > 0; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out.push(xs[s % xs.length]!);
  }
  return out;
}

/** Runs fn over the items one at a time and times each call. */
export async function latencies<T>(items: T[], fn: (x: T) => Promise<unknown>): Promise<Latency> {
  const ms: number[] = [];
  for (const x of items) {
    const t0 = performance.now();
    await fn(x);
    ms.push(performance.now() - t0);
  }
  return summary(ms);
}
