// Starts lib/api/ingest-server.ts as its own process (own process group) for tests and benchmarks that
// must kill it, run it as another user, or give it its own environment; resolves once it serves.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";

export interface IngestServerProcess {
  url: string;
  child: ChildProcess;
  /** Sends `signal` to the whole process group and waits for the exit. */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
}

const root = join(import.meta.dirname, "..", "..");

export async function startIngestServer(env: Record<string, string>, opts: { uid?: number; gid?: number } = {}): Promise<IngestServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "lib", "api", "ingest-server.ts")], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
    uid: opts.uid,
    gid: opts.gid,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL"); // not left running when it never came up
      } catch {
        /* already gone */
      }
      reject(new Error(`the ingest server did not start: ${stderr.slice(-2000)}`));
    }, 60_000);
    child.stdout!.on("data", (d) => {
      out += d.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the ingest server exited (${code}): ${stderr.slice(-2000)}`));
    });
  });
  return {
    url,
    child,
    kill: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          /* already gone */
        }
      }
      await exited;
    },
  };
}
