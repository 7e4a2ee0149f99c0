import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// The pure core (signatures, detectors, and the exec client's redaction, secret-file and retry rules) takes
// plain data and returns findings: no database, framework, file system, network or clock. This rule keeps
// that boundary from eroding.
const pureCore = {
  files: ["lib/signature/**/*.ts", "lib/detectors/**/*.ts", "lib/exec/redact-secrets.ts", "lib/exec/secret-files.ts", "lib/exec/retry-policy.ts", "lib/exec/heal-messages.ts"],
  ignores: ["**/*.test.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          { group: ["node:*", "fs", "path", "os", "child_process", "crypto", "http", "https", "net"], message: "pure modules (see pureCore) take no Node I/O modules." },
          { group: ["next", "next/*", "react", "@prisma/*", "pg", "better-sqlite3", "**/db/**", "**/db"], message: "pure modules (see pureCore) use no framework or database." },
        ],
      },
    ],
    "no-restricted-globals": ["error", { name: "fetch", message: "pure code does no I/O" }, { name: "process", message: "pure code reads no environment" }],
    "no-restricted-properties": ["error", { object: "Date", property: "now", message: "pass `now` in; pure code reads no clock" }],
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  pureCore,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  globalIgnores(["dist/**", ".next/**", "node_modules/**", "lib/db/generated/**", "data/**", "tmp/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
