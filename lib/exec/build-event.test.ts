// What `patterns exec` would send for a finished command: secrets withheld or redacted, the contract kept.
import { describe, expect, it } from "vitest";
import { execOptionsSchema } from "../schemas/exec-options";
import { executionEventSchema, LIMITS } from "../telemetry/event-schema";
import { buildExecEvent, filesToRecord, STDERR_TAIL, type FinishedRun } from "./build-event";

const opts = (extra: Record<string, unknown> = {}) => execOptionsSchema.parse({ "--operation": "deploy", "--input": [], ...extra });
const run = (extra: Partial<FinishedRun> = {}): FinishedRun => ({ command: "make", exitCode: 0, stderrTail: "", startedAt: Date.parse("2026-11-25T06:00:00Z"), durationMs: 12, changes: [], ...extra });
const defaults = { id: "exec_1", source: "laptop" };

describe("buildExecEvent", () => {
  it("records a secret file's path without its content, and other files with theirs", () => {
    const files: Record<string, string> = { ".env": "DB_PASSWORD=hunter2\n", "keys/deploy.pem": "-----BEGIN PRIVATE KEY-----\nAAA\n-----END PRIVATE KEY-----\n", "id_rsa": "k", "out.txt": "hello\n" };
    const event = buildExecEvent(opts(), run({ changes: Object.keys(files).map((path) => ({ path, action: "created" as const })) }), (p) => files[p] ?? null, defaults);
    expect(event.files).toEqual([
      { path: ".env", action: "created" },
      { path: "keys/deploy.pem", action: "created" },
      { path: "id_rsa", action: "created" },
      { path: "out.txt", action: "created", content: "hello\n" },
    ]);
    expect(JSON.stringify(event)).not.toContain("hunter2");
  });

  it("redacts tokens in the stderr tail, the inputs and file contents", () => {
    const event = buildExecEvent(
      opts({ "--input": ["env=prod", "auth=Bearer abcdefghijklmnop123"] }),
      run({ exitCode: 1, stderrTail: "401 for token ghp_16C7e42F292c6912E7710c838347Ae178B4a\n", changes: [{ path: "config.json", action: "created" }] }),
      () => '{"apiKey": "AKIAIOSFODNN7EXAMPLE"}',
      defaults,
    );
    const sent = JSON.stringify(event);
    for (const secret of ["ghp_16C7e42F292c6912E7710c838347Ae178B4a", "abcdefghijklmnop123", "AKIAIOSFODNN7EXAMPLE"]) expect(sent).not.toContain(secret);
    expect(event.error).toEqual({ type: "exit 1", message: "401 for token ghp_[REDACTED]" });
    expect(event.inputs).toEqual({ env: "prod", auth: "Bearer [REDACTED]" });
    expect(executionEventSchema.safeParse(event).success).toBe(true);
  });

  it("withholds the value of an input named as a secret, however plain the value", () => {
    const event = buildExecEvent(opts({ "--input": ["password=hunter2", "api_token=plain-words", "AWS_SECRET_ACCESS_KEY=abc", "total_tokens=5"] }), run(), () => null, defaults);
    expect(event.inputs).toEqual({ password: "[REDACTED]", api_token: "[REDACTED]", AWS_SECRET_ACCESS_KEY: "[REDACTED]", total_tokens: "5" });
  });

  it("redacts the operation, the fix and the source as well", () => {
    const secret = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
    const event = buildExecEvent(opts({ "--operation": `deploy ${secret}`, "--retry-of": "f1", "--fix": `use password=hunter2`, "--source": `ci ${secret}` }), run(), () => null, defaults);
    expect(event).toMatchObject({ operation: "deploy ghp_[REDACTED]", fix: "use password=[REDACTED]", source: "ci ghp_[REDACTED]" });
    expect(executionEventSchema.safeParse(event).success).toBe(true);
  });

  it("keeps the last 4000 characters of stderr, redacted before the cut: a token cut from its prefix is not kept", () => {
    const secret = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
    // the token starts 4010 characters from the end: a cut first would keep its last 30 characters, unprefixed
    const stderrTail = `${"x".repeat(500)} ${secret}${"y".repeat(STDERR_TAIL - 30)}`;
    const event = buildExecEvent(opts(), run({ exitCode: 1, stderrTail }), () => null, defaults);
    expect(event.error!.message.length).toBeLessThanOrEqual(STDERR_TAIL);
    expect(event.error!.message).not.toContain(secret.slice(-12));
  });

  it("leaves out a content that redaction would push past 64 KiB, so the event stays valid", () => {
    const content = "pw=1 password=x\n".repeat(4000); // 64,000 bytes, each short secret grows by 9
    const event = buildExecEvent(opts(), run({ changes: [{ path: "log.txt", action: "created" }] }), () => content, defaults);
    expect(event.files).toEqual([{ path: "log.txt", action: "created" }]);
    expect(executionEventSchema.safeParse(event).success).toBe(true);
  });

  it("uses the given id and pattern, and a failed run's exit code as the error type", () => {
    const event = buildExecEvent(opts({ "--id": "../../etc/x", "--pattern": "deploy-web" }), run({ exitCode: 3 }), () => null, defaults);
    expect(event).toMatchObject({ id: "../../etc/x", patternId: "deploy-web", success: false, error: { type: "exit 3", message: "make exited with code 3" } });
  });
});

describe("execOptionsSchema", () => {
  it.each([
    [{ "--id": "a\nb" }, "--id: must not contain control characters"],
    [{ "--id": "nul\u0000id" }, "--id: must not contain control characters"],
    [{ "--id": "x".repeat(129) }, "--id: must be at most 128 characters"],
    [{ "--id": "" }, "--id: must not be empty"],
    [{ "--id": "bad\uD800" }, "--id: must be valid Unicode"],
    [{ "--pattern": "p\u001b[31m" }, "--pattern: must not contain control characters"],
    [{ "--fix": "clear-cache" }, "--fix: a fix describes a retry"],
    [{ "--input": ["novalue"] }, '--input: "novalue": expected key=value'],
  ])("refuses %j", (extra, message) => {
    const parsed = execOptionsSchema.safeParse({ "--operation": "op", "--input": [], ...extra });
    expect(parsed.success).toBe(false);
    const first = parsed.error!.issues[0]!;
    expect(`${first.path.join(".")}: ${first.message}`).toContain(message);
  });

  it("accepts an id that only looks like a path (the spool does not use it as one)", () => {
    expect(execOptionsSchema.safeParse({ "--operation": "op", "--input": [], "--id": "../../etc/x" }).success).toBe(true);
  });
});

describe("the command of a fix (--fix-cmd)", () => {
  it("is sent with the fix, redacted like everything else", () => {
    const event = buildExecEvent(opts({ "--retry-of": "f1", "--fix": "install httpx", "--fix-cmd": "pip install httpx --index-url https://u:ghp_16C7e42F292c6912E7710c838347Ae178B4a@x/simple" }), run(), () => null, defaults);
    expect(event).toMatchObject({ retryOf: "f1", fix: "install httpx" });
    expect(event.fixCommand).toContain("pip install httpx --index-url");
    expect(event.fixCommand).not.toContain("ghp_16C7e42F292c6912E7710c838347Ae178B4a");
    expect(executionEventSchema.safeParse(event).success).toBe(true);
  });

  it("is refused before the run without a fix, or when it is not one visible line", () => {
    expect(execOptionsSchema.safeParse({ "--operation": "o", "--input": [], "--fix-cmd": "pip install httpx" }).error?.issues[0]).toMatchObject({ path: ["--fix-cmd"] });
    expect(execOptionsSchema.safeParse({ "--operation": "o", "--input": [], "--retry-of": "f", "--fix": "x", "--fix-cmd": "a\nb" }).success).toBe(false);
  });

  it("--heal takes nothing or ask", () => {
    const heal = (v: unknown) => execOptionsSchema.safeParse({ "--operation": "o", "--input": [], "--heal": v });
    expect(heal("auto").success && heal("ask").success).toBe(true);
    expect(heal("make").error?.issues[0]?.message).toContain("--heal=ask");
  });
});

describe("filesToRecord", () => {
  const created = (path: string) => ({ path, action: "created" as const });
  const many = (n: number, prefix = "f") => Array.from({ length: n }, (_, i) => created(`${prefix}${String(i).padStart(5, "0")}`));
  const long = created(`${"d/".repeat(LIMITS.pathLength / 2)}x`);

  it.each([
    ["none left out", many(3), 3, { longPaths: 0, pastLimit: 0 }],
    ["a path past the limit", [...many(2), long], 2, { longPaths: 1, pastLimit: 0 }],
    ["files past the count", many(LIMITS.filesPerEvent + 5), LIMITS.filesPerEvent, { longPaths: 0, pastLimit: 5 }],
    ["both", [long, ...many(LIMITS.filesPerEvent + 1)], LIMITS.filesPerEvent, { longPaths: 1, pastLimit: 1 }],
  ])("%s", (_, changes, kept, leftOut) => {
    const out = filesToRecord(changes);
    expect(out.kept).toHaveLength(kept);
    expect(out.leftOut).toEqual(leftOut);
    // what the event lists is what was kept
    const event = buildExecEvent(opts(), run({ changes }), () => null, defaults);
    expect(event.files?.length ?? 0).toBe(kept);
  });
});
