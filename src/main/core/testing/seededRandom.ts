/** mulberry32: the same seed gives the same sequence, so a failing random run can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A test's seed: FIELDNOTES_SEED replays a printed one; otherwise a new one each run. */
export const testSeed = (): number => Number(process.env.FIELDNOTES_SEED ?? Date.now() % 1_000_000);
