// `patterns template FILE FILE [FILE] [--json]`: AUTO-008 on files you name — reads them and prints the
// derived template and its variables (syntax in docs/file-templates.md).
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { deriveTemplate, type DerivedTemplate } from "../../detectors/templates";
import { CliError, printJson } from "../context";

export function readExamples(paths: string[]): Array<{ path: string; content: string }> {
  if (paths.length < 2 || paths.length > 3) throw new CliError(`template takes 2 or 3 files, got ${paths.length}`, 2);
  return paths.map((path) => {
    try {
      return { path, content: readFileSync(path, "utf8") };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CliError(`cannot read ${path}${code ? ` (${code})` : ""}`);
    }
  });
}

export function formatTemplate(derived: DerivedTemplate, paths: string[]): string {
  const lines = [`path: ${derived.pathTemplate}`, "", derived.template.endsWith("\n") ? derived.template : derived.template + "\n"];
  if (derived.variables.length === 0) lines.push("variables: none (the files are identical)");
  else {
    lines.push("variables:");
    for (const v of derived.variables) {
      const forms = v.transforms?.length ? `  (also as ${v.transforms.join(", ")})` : "";
      lines.push(`  ${v.name}${forms}`);
      v.values.forEach((value, i) => lines.push(`    ${paths[i]}: ${JSON.stringify(value)}`));
    }
  }
  return lines.join("\n") + "\n";
}

export function registerTemplate(program: Command): void {
  program
    .command("template")
    .description("derive a template from 2 or 3 example files: the invariant text and named variables")
    .argument("<files...>", "2 or 3 example files")
    .option("--json", "print { template, pathTemplate, variables } as JSON")
    .action((files: string[], options: { json?: boolean }) => {
      const examples = readExamples(files);
      const derived = deriveTemplate(examples);
      if (options.json) printJson({ template: derived.template, pathTemplate: derived.pathTemplate, variables: derived.variables });
      else process.stdout.write(formatTemplate(derived, files));
    });
}
