// The one way a write checks what it was given: zod's verdict turned into an error that says which field
// and what is wrong, thrown before anything is written. The CLI prints it; a server action returns it.
import { z } from "zod";

export class InputError extends Error {
  override name = "InputError";
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join(".") || "input";
    (fieldErrors[path] ??= []).push(issue.message);
  }
  throw new InputError(
    Object.entries(fieldErrors)
      .map(([path, messages]) => `${path}: ${messages[0]}`)
      .join("; "),
    fieldErrors,
  );
}
