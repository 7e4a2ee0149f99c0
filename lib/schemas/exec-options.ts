// The options of `patterns exec`, checked before the command runs: a bad `--id` must fail at once (exit 2),
// not after a long build whose record would then be refused. Ids follow DESIGN.md's event contract
// (1–128 characters) and, like every text sent as telemetry, hold no control characters and no lone
// surrogates (they would not survive a round trip through the database). Keys are the option names,
// so a message reads "--id: …".
import { z } from "zod";
import { commandSchema, inputsSchema, LIMITS } from "../telemetry/event-schema";

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const text = (max: number) =>
  z
    .string()
    .min(1, { error: "must not be empty" })
    .max(max, { error: `must be at most ${max} characters` })
    .refine((s) => !CONTROL.test(s), { error: "must not contain control characters (newline, tab, NUL …)" })
    .refine((s) => !LONE_SURROGATE.test(s), { error: "must be valid Unicode (a lone surrogate was found)" });

/** An execution or pattern id as a user types it on the command line. */
export const executionIdSchema = text(LIMITS.idLength);

function parsePairs(pairs: string[], ctx: z.RefinementCtx): Record<string, string> {
  const entries: Array<[string, string]> = [];
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0) ctx.addIssue({ code: "custom", message: `"${pair}": expected key=value` });
    else entries.push([pair.slice(0, eq), pair.slice(eq + 1)]);
  }
  const inputs = Object.fromEntries(entries);
  const checked = inputsSchema.safeParse(inputs);
  if (!checked.success) ctx.addIssue({ code: "custom", message: checked.error.issues[0]?.message ?? "invalid inputs" });
  return inputs;
}

export const execOptionsSchema = z
  .strictObject({
    "--operation": text(LIMITS.operationLength),
    "--pattern": executionIdSchema.optional(),
    "--id": executionIdSchema.optional(),
    "--retry-of": executionIdSchema.optional(),
    "--fix": text(LIMITS.fixLength).optional(),
    /** the command that applied --fix (a recipe's command, README "Recipes") */
    "--fix-cmd": commandSchema.optional(),
    "--source": text(LIMITS.sourceLength).optional(),
    "--input": z.array(z.string()).transform(parsePairs),
    /** after a failure, look the error up: "auto" runs an approved, auto-applied recipe; "ask" asks first */
    "--heal": z.enum(["auto", "ask"], { error: 'give --heal alone or --heal=ask (the command goes after "--")' }).optional(),
    "--quiet": z.boolean().optional(),
  })
  .refine((o) => !o["--fix"] || o["--retry-of"], { error: "a fix describes a retry: give --retry-of too", path: ["--fix"] })
  .refine((o) => !o["--fix-cmd"] || o["--fix"], { error: "--fix-cmd is the command of a fix: give --fix too", path: ["--fix-cmd"] });

export type ExecOptions = z.output<typeof execOptionsSchema>;
