// CPU time a process (or one of its threads) has used, read from /proc (Linux): the benches charge each
// process its share of the machine (bench:load the app instances, bench:pg-write PostgreSQL's backends,
// bench:signature the CLI's threads) and an e2e journey checks that an idle server stays idle. One reader, so
// they all count the same way.
import { readFileSync } from "node:fs";

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on every Linux we run on). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a /proc stat file reports: `/proc/<pid>/stat` or `/proc/<pid>/task/<tid>/stat`. */
export function statCpuSeconds(statFile: string): number | null {
  try {
    // the command name (field 2) may hold spaces or parentheses: the fields after its closing ") " are fixed
    const stat = readFileSync(statFile, "utf8");
    const fields = stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime + stime
  } catch {
    return null;
  }
}

/** CPU seconds (user + system, all threads) the process has used so far; null where /proc cannot tell. */
export function cpuSeconds(pid: number): number | null {
  return statCpuSeconds(`/proc/${pid}/stat`);
}
