// The start every `patterns` command shares: the variables it skips zod for are exactly the ones checked.
import { describe, expect, it } from "vitest";
import { envSchema } from "../schemas/env";
import { CHECKED_VARIABLES } from "./start-up";

describe("the CLI's start", () => {
  it("names every variable lib/schemas/env.ts checks, and no other", () => {
    expect([...CHECKED_VARIABLES].sort()).toEqual(Object.keys(envSchema.shape).sort());
  });
});
