// Bundles the CLI (lib/cli/main.ts and what it imports, node_modules left external) into dist/cli.mjs,
// so `patterns` starts without compiling TypeScript. Run by postinstall and `npm run build:cli`.
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
await build({
  entryPoints: { cli: join(root, "lib", "cli", "main.ts"), "writer-worker": join(root, "lib", "telemetry", "writer-worker.ts") },
  outdir: join(root, "dist"),
  outExtension: { ".js": ".mjs" },
  // a module imported with import() (the MCP server, whose SDK is slow to load) goes in a chunk of its
  // own, loaded only by the command that needs it; chunks sit beside cli.mjs in dist/ (so import.meta.url finds writer-worker.mjs from any of them)
  splitting: true,
  chunkNames: "[name]-[hash]",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  tsconfig: join(root, "tsconfig.json"),
  logLevel: "warning",
  // some dependencies still call require(); give the ESM bundle one
  banner: { js: "import { createRequire as __patternsRequire } from 'node:module'; const require = __patternsRequire(import.meta.url);" },
});
console.log("patterns CLI bundled (dist/cli.mjs)");
