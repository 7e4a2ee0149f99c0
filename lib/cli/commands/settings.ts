// `patterns settings` shows the thresholds the detectors use; `patterns settings set KEY VALUE` changes one.
import type { Command } from "commander";
import { getSettings } from "../../schemas/settings";
import { SettingError, updateSetting } from "../../mutations/update-setting";
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
    .description("change one setting (recorded in the activity log)")
    .action(async (key: string, value: string, opts: { by: string }) => {
      try {
        await withDb((db) => updateSetting(db, key, value, opts.by));
      } catch (error) {
        if (error instanceof SettingError) throw new CliError(error.message);
        throw error;
      }
      console.log(`${key} = ${value}`);
    });
}
