// Runs the built `patterns` command as a separate process, for the CLI journeys: without blocking the test
// process, so an HTTP server in it can answer the CLI. Exec's own defaults are cleared (no server, no
// inherited spool) unless the test sets them.
import { spawn } from "node:child_process";
import { join } from "node:path";

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

const bin = join(process.cwd(), "bin", "patterns.mjs");

export function runCli(args: string[], opts: { cwd: string; env: Record<string, string> }): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: opts.cwd,
      env: { ...process.env, PATTERNS_URL: "", PATTERNS_TOKEN: "", PATTERNS_VERBOSE: "", ...opts.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
