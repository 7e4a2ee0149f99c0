// The repository workflow (.github/workflows/pattern-automation.yml) calls only commands that exist:
// every `run:` line is parsed (the yaml library, then a small shell splitter) and each command in it is
// checked: `npm ci`, `npm run <script>` with a script in package.json, and for `npm run patterns -- <cmd>`
// a subcommand registered in lib/cli/main.ts, with options that command declares. `report` and `run-job`
// are DESIGN.md commands that other work adds; until they are registered, the DESIGN.md list below is the
// allowed set for them (with the flags DESIGN.md and issue 10 give them). Also checked: the schedules,
// the secrets, and that only maintained actions are used.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildProgram } from "./main";

const root = process.cwd();
const workflow = parse(readFileSync(join(root, ".github/workflows/pattern-automation.yml"), "utf8")) as {
  on: { schedule: Array<{ cron: string }>; push?: unknown; workflow_dispatch?: unknown };
  env: Record<string, string>;
  jobs: Record<string, { if?: string; steps: Array<{ run?: string; uses?: string; with?: Record<string, unknown> }> }>;
};
const scripts = Object.keys((JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts);

/** DESIGN.md commands not registered here yet, with the flags they are specified to take. */
const DESIGN_ONLY: Record<string, string[]> = { report: ["--week", "--source", "--out", "--json"], "run-job": [] };
/** What a run line may call besides npm: the runner's git and coreutils, and shell builtins. */
const SYSTEM = new Set(["git", "date", "echo", "test", "[", "exit"]);
const KEYWORDS = new Set(["if", "then", "else", "elif", "fi", "do", "done", "!", "{", "}"]);

function registered(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const c of buildProgram().commands) out.set(c.name(), new Set(c.options.map((o) => o.long!).filter(Boolean)));
  return out;
}

/** Words of a command line, quotes removed ("$(…)" stays one word); enough for the lines we write. */
function words(line: string): string[] {
  return [...line.matchAll(/(?:[^\s"']+|"(?:[^"\\]|\\.)*"|'[^']*')+/g)].map((m) => m[0].replace(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g, "$1$2"));
}

/** Every simple command in a script: split on ; && || | and newlines, with $(…) substitutions as their own. */
function commandsOf(script: string): string[][] {
  const text = script.replace(/\\\n/g, " ");
  const subs = [...text.matchAll(/\$\(([^()]*)\)/g)].map((m) => m[1]!);
  const outer = text.replace(/\$\(([^()]*)\)/g, "SUBST");
  const segments = [...outer.split(/\n|;|&&|\|\||\|/), ...subs];
  const commands: string[][] = [];
  for (const segment of segments) {
    const w = words(segment.replace(/(^|\s)#.*$/, "").replace(/\s*>>?\s*\S+/g, ""));
    while (w.length && (KEYWORDS.has(w[0]!) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(w[0]!))) w.shift();
    if (w.length) commands.push(w);
  }
  return commands;
}

/** Why a command would fail to run, or null when it exists. */
function problem(cmd: string[], known: Map<string, Set<string>>): string | null {
  const [bin, ...args] = cmd;
  if (bin !== "npm") return SYSTEM.has(bin!) ? null : `"${bin}" is not a command this workflow may rely on`;
  if (args[0] === "ci") return null;
  if (args[0] !== "run") return `npm ${args[0]}: only "npm ci" and "npm run" are used`;
  if (!scripts.includes(args[1]!)) return `npm run ${args[1]}: no such script in package.json`;
  if (args[1] !== "patterns") return null;
  const [sub, ...rest] = args.slice(args.indexOf("--") + 1);
  const flags = known.get(sub!) ?? (sub! in DESIGN_ONLY ? new Set(DESIGN_ONLY[sub!]) : null);
  if (!flags) return `patterns ${sub}: no such subcommand`;
  const unknown = rest.filter((a) => a.startsWith("--") && !flags.has(a));
  return unknown.length ? `patterns ${sub}: unknown option ${unknown.join(", ")}` : null;
}

describe("the pattern-automation workflow", () => {
  const runs = Object.entries(workflow.jobs).flatMap(([job, j]) => j.steps.filter((s) => s.run).map((s) => ({ job, run: s.run! })));
  const known = registered();

  it("splits run lines into the commands they call", () => {
    expect(commandsOf(`if [ -n "$(git status --porcelain -- a b)" ]; then echo "x=1" >> "$OUT"; fi`)).toEqual([
      ["[", "-n", "SUBST", "]"], ["echo", "x=1"], ["git", "status", "--porcelain", "--", "a", "b"],
    ]);
    expect(commandsOf(`week="$(date -u +%G)"\nnpm run patterns -- report --week "$week" # why`)).toEqual([["npm", "run", "patterns", "--", "report", "--week", "$week"], ["date", "-u", "+%G"]]);
  });

  it("calls only commands that exist", () => {
    const calls = runs.flatMap(({ job, run }) => commandsOf(run).map((cmd) => ({ job, cmd })));
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.map(({ job, cmd }) => [job, cmd.join(" "), problem(cmd, known)]).filter(([, , p]) => p !== null)).toEqual([]);
    const patterns = calls.filter(({ cmd }) => cmd[2] === "patterns").map(({ cmd }) => cmd[cmd.indexOf("--") + 1]);
    expect(new Set(patterns)).toEqual(new Set(["analyze", "export", "report", "cleanup", "import-specs"]));
  });

  it("would catch a command that does not exist", () => {
    expect(problem(["npm", "run", "patterns", "--", "reprot"], known)).toBe("patterns reprot: no such subcommand");
    expect(problem(["npm", "run", "patterns", "--", "export", "--folder", "."], known)).toBe("patterns export: unknown option --folder");
    expect(problem(["npm", "run", "bench:nothing"], known)).toBe("npm run bench:nothing: no such script in package.json");
    expect(problem(["curl", "x"], known)).toBe('"curl" is not a command this workflow may rely on');
  });

  it("runs analysis and export every 6 hours, the report weekly, cleanup monthly; secrets from the repository", () => {
    const crons = workflow.on.schedule.map((s) => s.cron);
    expect(crons).toEqual(["17 */6 * * *", "40 0 * * 1", "30 3 1 * *"]);
    for (const [job, cron] of [["analyze-export", crons[0]], ["weekly-report", crons[1]], ["cleanup", crons[2]]] as const) {
      expect(workflow.jobs[job]!.if).toContain(`github.event.schedule == '${cron}'`);
    }
    expect(workflow.env.DATABASE_URL).toBe("${{ secrets.PATTERNS_DATABASE_URL }}");
    const pr = workflow.jobs["analyze-export"]!.steps.find((s) => s.uses?.startsWith("peter-evans/create-pull-request@"))!;
    expect(pr.with!.token).toBe("${{ secrets.PATTERNS_BOT_TOKEN || github.token }}");
    const uses = new Set(Object.values(workflow.jobs).flatMap((j) => j.steps.map((s) => s.uses?.split("@")[0]).filter(Boolean)));
    expect(uses).toEqual(new Set(["actions/checkout", "actions/setup-node", "peter-evans/create-pull-request"]));
  });
});
