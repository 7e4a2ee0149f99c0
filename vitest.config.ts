// Two projects: "unit" (pure code, fast) and "db" (integration tests against a real database:
// SQLite by default, PostgreSQL when TEST_DB=postgresql; .ci/run runs the db project under both).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = { "@": fileURLToPath(new URL("./", import.meta.url)) };
// the app's JSON request log would drown the test report; a test of logging sets its own level
const env = { PATTERNS_LOG_LEVEL: process.env.PATTERNS_LOG_LEVEL ?? "silent" };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "node_modules/**"],
          environment: "node",
          env,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "db",
          include: ["lib/**/*.db.test.ts", "app/**/*.db.test.ts", "scripts/**/*.db.test.ts"],
          environment: "node",
          env,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
