/**
 * What the benchmarks read about the app server they start: when it answers, and its CPU time
 * and peak memory from /proc (Linux).
 */
import { readFileSync } from "node:fs";

export async function waitFor(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} svarede ikke`);
}

/**
 * CPU time a process has used (user + system), in ms, from /proc. It depends less than requests/s
 * on what else the machine is doing, so it is the better figure to compare changes by (still, run
 * it a few times).
 */
export function cpuTimeMs(pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat, counted after the command name, which may hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const ticksPerSecond = 100;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** Peak resident memory (VmHWM) of a process, from /proc. */
export function peakMemoryMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}
