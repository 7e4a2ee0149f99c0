// `patterns export --dir DIR` and `patterns import-specs DIR`: the git-friendly files of DESIGN.md's
// layout, and the specs read back from them (lib/export).
import { resolve } from "node:path";
import type { Command } from "commander";
import { exportPatterns } from "../../export/export-patterns";
import { importSpecs, SpecImportError } from "../../export/import-specs";
import { CliError, printJson, withDb } from "../context";

export function registerExport(program: Command): void {
  program
    .command("export")
    .description("write drafts, specs, the anti-pattern registry and weekly reports as files (DESIGN.md layout) under DIR/patterns")
    .requiredOption("--dir <dir>", "the directory to write patterns/ into (e.g. the root of a repository)")
    .option("--json", "print what changed as JSON")
    .action(async (opts: { dir: string; json?: boolean }) => {
      const summary = await withDb((db) => exportPatterns(db, resolve(opts.dir)));
      if (opts.json) return printJson(summary);
      console.log(`${summary.files} files in ${summary.dir}/patterns: ${summary.written.length} written, ${summary.removed.length} removed, ${summary.files - summary.written.length} unchanged`);
      for (const f of summary.written) console.log(`  wrote   ${f}`);
      for (const f of summary.removed) console.log(`  removed ${f}`);
    });

  program
    .command("import-specs")
    .description("read edited specs back from DIR/patterns (drafts, approved, auto-approved); nothing is imported if one file is bad")
    .argument("<dir>", "the directory export wrote to")
    .option("--by <name>", "who the changes are recorded as", process.env.USER ?? "cli")
    .option("--json", "print what changed as JSON")
    .action(async (dir: string, opts: { by: string; json?: boolean }) => {
      const summary = await withDb((db) => importSpecs(db, resolve(dir), { actor: opts.by })).catch((e: unknown) => {
        if (e instanceof SpecImportError) {
          // one line (DESIGN.md): the first bad file with its line and why, then where the others are
          const [first, ...rest] = e.problems;
          const others = rest.length ? `; also ${rest.map((p) => p.split(": ")[0]).join(", ")}` : "";
          throw new CliError(`nothing imported: ${first}${others}`);
        }
        throw e;
      });
      if (opts.json) return printJson(summary);
      console.log(`${summary.created.length} created, ${summary.updated.length} updated, ${summary.draftsUpdated.length} drafts updated, ${summary.unchanged} unchanged`);
      for (const id of summary.created) console.log(`  created ${id}`);
      for (const id of summary.updated) console.log(`  updated ${id}`);
      for (const id of summary.draftsUpdated) console.log(`  draft   ${id}`);
      for (const s of summary.skipped) console.log(`  skipped ${s.file}: ${s.reason}`);
    });
}
