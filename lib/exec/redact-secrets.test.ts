// Redaction of what `patterns exec` records: each kind of secret as a table, then properties over any text.
import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { isSecretName, REDACTED, redactedTail, redactSecrets, redactValue } from "./redact-secrets";

const PEM = ["-----BEGIN RSA PRIVATE KEY-----", "MIIEpAIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aozN3tihPmljnnudb9G3HecDmd", "-----END RSA PRIVATE KEY-----"].join("\n");

describe("redactSecrets", () => {
  test.each([
    ["a bearer token", "curl: 401 with Bearer abcdef0123456789xyz", `curl: 401 with Bearer ${REDACTED}`],
    ["an Authorization header", "Authorization: Basic dXNlcjpwYXNz", `Authorization: Basic ${REDACTED}`],
    ["one of our API tokens", "using pa_Zx8v1Q2w3e4r5t6y7u8i9o0pAsDfGhJkLzXcVbNm1 now", `using pa_${REDACTED} now`],
    ["an AWS access key id", "key AKIAIOSFODNN7EXAMPLE in env", `key AKIA${REDACTED} in env`],
    ["a GitHub token", "ghp_16C7e42F292c6912E7710c838347Ae178B4a rejected", `ghp_${REDACTED} rejected`],
    ["a fine-grained GitHub token", "github_pat_11ABCDEFG0123456789_abcdefghijklmnop", `github_pat_${REDACTED}`],
    ["an sk- key", "OPENAI_KEY sk-proj-abcdefghijklmnopqrstuvwxyz012345", `OPENAI_KEY sk-${REDACTED}`],
    ["a Stripe key", "sk_live_51H8abcdefghijklmnop", `sk_live_${REDACTED}`],
    ["a Slack token", "xoxb-123456789012-abcdefghijkl", `xoxb-${REDACTED}`],
    ["a JSON Web Token", "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig-nature_x", `jwt eyJ${REDACTED}`],
    ["password=…", "connect failed: password=hunter2 user=bob", `connect failed: password=${REDACTED} user=bob`],
    ["an env assignment", "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCY", `AWS_SECRET_ACCESS_KEY=${REDACTED}`],
    ["a quoted JSON field", '{"password": "hunter2", "user": "bob"}', `{"password": "${REDACTED}", "user": "bob"}`],
    ["a YAML field", "db:\n  password: s3cr3t!\n  host: x", `db:\n  password: ${REDACTED}\n  host: x`],
    ["a secret option", "run --api-key abc123def456 --verbose", `run --api-key ${REDACTED} --verbose`],
    ["credentials in a URL", "postgresql://app:Sup3rS3cret@db:5432/x", `postgresql://app:${REDACTED}@db:5432/x`],
    ["a private key block", `before\n${PEM}\nafter`, "before\n[REDACTED PRIVATE KEY]\nafter"],
    ["a key cut off at the end", "key:\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA", "key:\n[REDACTED PRIVATE KEY]"],
    ["a bare AWS key pair (a CSV export)", "AKIAIOSFODNN7EXAMPLE,wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n", `AKIA${REDACTED},${REDACTED}\n`],
    ["a key whose start was cut off", "b3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\nnext", "[REDACTED PRIVATE KEY]\nnext"],
  ])("redacts %s", (_what, input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  test.each([
    ["a type annotation", "interface Login { password: string; token: string }"],
    ["a value read from the environment", "const password = process.env.DB_PASSWORD;"],
    ["a placeholder", "password: ${DB_PASSWORD}"],
    ["token counts", "usage: total_tokens: 1500, prompt_tokens=20"],
    ["words that merely contain a keyword", "secretary: Jane; passwords: 3 rotated"],
    ["an ordinary error", "TypeError: Cannot read properties of undefined (reading 'map')\n    at build.js:12:5"],
    ["a URL without credentials", "GET https://example.com:8443/a/b?page=2 failed"],
    ["a short sk- word", "the task-runner and sk-learn"],
    ["a git commit hash", "HEAD is now at 9fceb02d0ae598e95dc970b74767f19372d61af8 fix"],
    ["a 40-letter word run", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn is not a key: it has no digit"],
  ])("leaves %s alone", (_what, input) => {
    expect(redactSecrets(input)).toBe(input);
  });
});

describe("secret names and values", () => {
  test.each(["password", "db_password", "api_token", "API_KEY", "AWS_SECRET_ACCESS_KEY", "client-secret", "credentials", "passphrase"])("%s names a secret", (name) => {
    expect(isSecretName(name)).toBe(true);
  });
  test.each(["total_tokens", "secretary", "env", "user", "passwords_rotated", "keyboard", ""])("%s does not", (name) => {
    expect(isSecretName(name)).toBe(false);
  });

  it("replaces the whole value of a key named as a secret, however plain, at any depth, and redacts the other strings", () => {
    const value = { password: "hunter2", env: "prod", db: { api_token: 12345, hosts: ["a", "Bearer abcdefghijklmnop"] }, total_tokens: 1500, note: null };
    expect(redactValue(value)).toEqual({ password: REDACTED, env: "prod", db: { api_token: REDACTED, hosts: ["a", `Bearer ${REDACTED}`] }, total_tokens: 1500, note: null });
  });
});

describe("redactedTail", () => {
  const token = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";

  it("redacts before it cuts: wherever the cut falls in a token, no part of it is kept", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: token.length + 20 }), fc.integer({ min: 0, max: 200 }), (into, after) => {
        // the last `max` characters start `into` characters before the token's end
        const text = `${"e".repeat(300)} ${token}${" x".repeat(after)}`;
        const max = Math.min(text.length, after * 2 + into);
        const tail = redactedTail(text, max);
        expect(tail.length).toBeLessThanOrEqual(max);
        // no 6 characters of the token's secret part, wherever they come from in it
        for (let i = 4; i + 6 <= token.length; i++) expect(tail).not.toContain(token.slice(i, i + 6));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a short text whole and a cut on a space as it is", () => {
    expect(redactedTail("boom password=hunter2", 100)).toBe(`boom password=${REDACTED}`);
    expect(redactedTail("aaa bbb ccc", 4)).toBe(" ccc");
    expect(redactedTail("aaa bbbccc", 4)).toBe("");
    expect(redactedTail("aaa bb ccc", 5)).toBe(" ccc");
    expect(redactedTail("aaa", 0)).toBe("");
  });
});

const tokens = fc.oneof(
  fc.stringMatching(/^pa_[A-Za-z0-9_-]{43}$/),
  fc.stringMatching(/^AKIA[A-Z0-9]{16}$/),
  fc.stringMatching(/^ghp_[A-Za-z0-9]{36}$/),
  fc.stringMatching(/^sk-[A-Za-z0-9]{48}$/),
  fc.stringMatching(/^xoxp-[0-9]{12}-[A-Za-z0-9]{24}$/),
);
const secretValue = fc.stringMatching(/^[A-Za-z0-9]{12,40}$/);
/** A secret in one of its settings, and the part that must disappear. */
const secretInContext = fc.oneof(
  tokens.map((t) => ({ text: t, secret: t.slice(4) })),
  secretValue.map((v) => ({ text: `Authorization: Bearer ${v}`, secret: v })),
  secretValue.map((v) => ({ text: `Bearer ${v}`, secret: v })),
  fc.tuple(fc.constantFrom("password", "db_password", "API_KEY", "client_secret", "token"), fc.constantFrom("=", ": ", " = ", '": '), secretValue).map(([k, sep, v]) => ({ text: `${k}${sep}${v}`, secret: v })),
  secretValue.map((v) => ({ text: `--password ${v}`, secret: v })),
  secretValue.map((v) => ({ text: `https://me:${v}@host/x`, secret: v })),
  fc.array(fc.stringMatching(/^[A-Za-z0-9+/]{64}$/), { minLength: 1, maxLength: 4 }).map((lines) => ({
    text: `-----BEGIN PRIVATE KEY-----\n${lines.join("\n")}\n-----END PRIVATE KEY-----`,
    secret: lines[0]!,
  })),
);
const noise = fc.string({ maxLength: 40 });
const fragments = fc.oneof(
  noise,
  tokens,
  secretValue,
  fc.constantFrom("password=", "Bearer ", "token: ", "--api-key ", "Authorization: ", "https://u:", "@", "'", '"', "\n", " ", "[REDACTED]", "-----BEGIN RSA PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----"),
);

describe("redactSecrets properties", () => {
  it("removes a secret whatever text surrounds it", () => {
    fc.assert(
      fc.property(noise, secretInContext, noise, (before, { text, secret }, after) => {
        expect(redactSecrets(`${before}\n${text}\n${after}`)).not.toContain(secret);
      }),
      { numRuns: 500 },
    );
  });

  it("is idempotent: redacting twice changes nothing more", () => {
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 12 }), (parts) => {
        const once = redactSecrets(parts.join(""));
        expect(redactSecrets(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it("leaves text without secrets unchanged", () => {
    const words = fc.constantFrom("build", "failed", "at", "line", "42", "error:", "cannot", "find", "module", "'./x'", "TypeError:", "undefined", "tokens", "total_tokens: 150", "secretary", "author: Jane", "key", "https://example.com/a", "user@example.com", "exit", "code=3", "\n", "(", ")", "{", "}");
    fc.assert(
      fc.property(fc.array(words, { maxLength: 30 }), (ws) => {
        const text = ws.join(" ");
        expect(redactSecrets(text)).toBe(text);
      }),
    );
  });

  it("never throws and stays linear on long hostile input", () => {
    // each of these takes minutes with a backtracking rule (e.g. an unbounded URL scheme) and milliseconds without
    const hostile = ["a.", "a://b", "x:y", "--token ", '--token "', 'password="', "password=", "pa_", "Bearer ", "-----BEGIN RSA PRIVATE KEY-----", "-"].map((unit) => unit.repeat(Math.ceil(100_000 / unit.length)));
    for (const text of hostile) expect(typeof redactSecrets(text)).toBe("string");
  });
});
