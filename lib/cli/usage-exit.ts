// Commander's ends as our exit codes (DESIGN.md "Command line"), shared by both entries (main.ts, light.ts):
// help asked for is a success; help shown because a group such as `patterns db` got no subcommand is bad
// usage, like an unknown option.
import type { CommanderError } from "commander";

export function usageExitCode(error: CommanderError): number {
  if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return 0;
  // help({ error: true }), on stderr, gives exit code 1; an explicit help() gives 0
  if (error.code === "commander.help") return error.exitCode === 0 ? 0 : 2;
  return 2;
}
