import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Median and 95th percentile of samples, for printing. */
export function summarise(samples: number[]): { median: number; p95: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;

/** Clock ticks per second of /proc's CPU times: 100 on every Linux we ship to. */
const TICKS = 100;

/** This process's CPU seconds so far. */
const ownCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** CPU ticks (user + system) of every process below this one, by pid, read from /proc. */
function descendantTicks(): Map<number, number> {
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // After the command name: state, ppid, … utime and stime are the 12th and 13th fields from there.
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
      parent.set(Number(name), Number(fields[1]));
      ticks.set(Number(name), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended while we read.
    }
  }
  const below = new Map<number, number>();
  for (const [pid, t] of ticks) {
    for (let up = parent.get(pid); up !== undefined && up > 1; up = parent.get(up)) {
      if (up === process.pid) {
        below.set(pid, t);
        break;
      }
    }
  }
  return below;
}

/**
 * CPU seconds spent from now until `stop()`: this process's, and those of the processes it
 * starts (Chromium's browser, zygote and renderers), sampled from /proc every 100 ms, since a
 * renderer is never waited for by us and so never counted in our children's times. On a quiet
 * machine a single-threaded export takes about its CPU time; on a loaded one the wall time is
 * that stretched by the load, so the CPU time is the better guess at the quiet figure.
 * Reading /proc costs a little CPU itself, so only when asked (`children`: the PDF).
 * Linux only: elsewhere this process's own time.
 */
export function cpuMeter({ children }: { children: boolean }): { stop(): number } {
  const start = ownCpuSeconds();
  const seen = new Map<number, number>();
  const sample = () => {
    if (!children || !existsSync('/proc/self/stat')) return;
    for (const [pid, t] of descendantTicks()) seen.set(pid, Math.max(t, seen.get(pid) ?? 0));
  };
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      sample();
      let children = 0;
      for (const t of seen.values()) children += t;
      return ownCpuSeconds() - start + children / TICKS;
    },
  };
}
