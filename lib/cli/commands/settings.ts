// `patterns settings` shows the thresholds the detectors use; `patterns settings set KEY VALUE` changes one.
import type { Command } from "commander";
import { getSettings } from "../../schemas/settings";
import { updateSetting } from "../../mutations/update-setting";
import { InputError } from "../../schemas/parse-input";
import { CliError, printJson, withDb } from "../context";

export function registerSettings(program: Command): void {
  const settings = program.command("settings").description("the detectors' thresholds and modes (DESIGN.md defaults)").option("--json", "print as JSON");
  settings.action(async (opts: { json?: boolean }) => {
    const s = await withDb((db) => getSettings(db));
    if (opts.json) return printJson(s);
    for (const [k, v] of Object.entries(s)) console.log(`${k.padEnd(28)} ${String(v)}`);
  });
  settings
    .command("set")
    .argument("<key>")
    .argument("<value>")
    .option("--by <name>", "who changes it", process.env.USER ?? "cli")
    .option("--reason <text>", "why (shown in the activity log)")
    .description("change one setting (recorded in the activity log)")
    .action(async (key: string, value: string, opts: { by: string; reason?: string }) => {
      try {
        await withDb((db) => updateSetting(db, key, value, opts.by, opts.reason));
      } catch (error) {
        if (error instanceof InputError) throw new CliError(error.message, 2); // a key or value that does not fit is bad usage
        throw error;
      }
      console.log(`${key} = ${value}`);
    });
}
