// Bundles the CLI (lib/cli/main.ts and what it imports, node_modules left external) into dist/cli.mjs,
// and the database-free commands (lib/cli/light.ts) into dist/light.mjs, so `patterns` starts without
// compiling TypeScript. Run by postinstall and `npm run build:cli`.
import { build } from "esbuild";
import { readdirSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const result = await build({
  entryPoints: {
    cli: join(root, "lib", "cli", "main.ts"),
    // the commands that need no database, apart, so they start fast (bin/patterns.mjs picks it)
    light: join(root, "lib", "cli", "light.ts"),
    "signature-worker": join(root, "lib", "cli", "signature-worker.ts"),
    "writer-worker": join(root, "lib", "telemetry", "writer-worker.ts"),
    // the API's SQLite writer thread: the Next.js server starts it from dist/ (lib/telemetry/request-writer.ts)
    "request-writer-worker": join(root, "lib", "telemetry", "request-writer-worker.ts"),
    "wal-checkpointer-worker": join(root, "lib", "telemetry", "wal-checkpointer-worker.ts"),
    // the production web server (scripts/serve.mjs): Next.js with the ingestion route served directly
    "web-server": join(root, "lib", "server", "web-server.ts"),
  },
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
  metafile: true,
  // some dependencies still call require(); give the ESM bundle one
  banner: { js: "import { createRequire as __patternsRequire } from 'node:module'; const require = __patternsRequire(import.meta.url);" },
});
// chunks of earlier builds (their names carry a hash) would pile up in dist/: keep only this build's files
const written = new Set(Object.keys(result.metafile.outputs).map((f) => basename(f)));
for (const name of readdirSync(join(root, "dist"))) if (name.endsWith(".mjs") && !written.has(name)) rmSync(join(root, "dist", name));
console.log("patterns CLI bundled (dist/cli.mjs)");
