// npm run bench:heal — the best known fix for an error, with 10,000 learned fixes stored: p50/p95/p99
// of getHealFixes (what `patterns heal` runs) and of GET /api/v1/heal over real HTTP. Target: p95 < 20 ms.
import { freshBenchDb, latencyRow, percentile } from "./lib/bench-db";
import { serveRoutes } from "../lib/api/test-server";
import { createToken } from "../lib/mutations/create-token";
import { getHealFixes } from "../lib/queries/heal/get-heal-fixes";
import { errorSignature, signatureKey } from "../lib/signature";

const FIXES = 10_000;
const PER_SIGNATURE = 4;
const QUERIES = 1000;
const WORDS = ["alpha", "bravo", "cobalt", "delta", "ember", "falcon", "garnet", "harbor", "indigo", "jasper", "kepler", "lumen", "magnet", "nectar", "onyx", "prism", "quartz", "raven", "sierra", "tundra", "umber", "vortex", "willow", "xenon", "yonder", "zephyr", "anchor", "beacon", "cinder", "dune", "echo", "fjord", "glacier", "hollow", "ion", "jade", "kite", "lotus", "meadow", "nova", "orbit", "pebble", "quill", "ridge", "saffron", "timber", "upland", "velvet", "wander", "yarrow"];

const message = (i: number) => `${WORDS[i % 50]} ${WORDS[Math.floor(i / 50) % 50]} pipeline failed: upstream ${WORDS[(i * 7) % 50]} refused request ${1000 + i} after 30000ms`;


async function main() {
  const results: Array<Record<string, string | number>> = [];
  let ok = true;
  for (const dialect of ["sqlite", "postgresql"] as const) {
    const { temp, db } = await freshBenchDb(dialect);
    const signatures = FIXES / PER_SIGNATURE;
    const rows = [];
    for (let s = 0; s < signatures; s++) {
      const signature = errorSignature(message(s));
      for (let f = 0; f < PER_SIGNATURE; f++) {
        const attempts = 5 + ((s + f) % 30);
        rows.push({
          id: `fix_${s}_${f}`, signatureKey: signatureKey(signature), signature, fix: `fix-${f}-${WORDS[s % 50]}`, attempts,
          successes: Math.floor(attempts * (0.3 + 0.2 * f)), lastSeenAt: new Date(), updatedAt: new Date(),
        });
      }
    }
    for (let i = 0; i < rows.length; i += 1000) await db.prisma.errorPattern.createMany({ data: rows.slice(i, i + 1000) });
    if (new Set(rows.map((r) => r.signatureKey)).size !== signatures) throw new Error("bench messages collapsed into fewer signatures");
    process.env.DATABASE_URL = temp.url;
    const route = await import("../app/api/v1/heal/route");
    const server = await serveRoutes({ "/api/v1/heal": { GET: route.GET } });
    const token = (await createToken(db, "bench")).secret;
    const timeIt = async (fn: (i: number) => Promise<unknown>) => {
      for (let i = 0; i < 50; i++) await fn(i); // warm-up
      const t: number[] = [];
      for (let i = 0; i < QUERIES; i++) {
        const start = performance.now();
        await fn((i * 37) % signatures);
        t.push(performance.now() - start);
      }
      return t.sort((a, b) => a - b);
    };
    const direct = await timeIt(async (i) => {
      const fixes = await getHealFixes(db, message(i));
      if (fixes.length !== PER_SIGNATURE) throw new Error(`expected ${PER_SIGNATURE} fixes, got ${fixes.length}`);
    });
    const http = await timeIt(async (i) => {
      const res = await fetch(`${server.url}/api/v1/heal?error=${encodeURIComponent(message(i))}`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const fixes = (await res.json()) as unknown[];
      if (fixes.length !== PER_SIGNATURE) throw new Error(`HTTP: expected ${PER_SIGNATURE} fixes, got ${fixes.length}`);
    });
    await server.close();
    await db.close();
    await temp.drop();
    for (const [path, t] of [["getHealFixes", direct], ["GET /api/v1/heal", http]] as const) {
      ok &&= percentile(t, 95) < 20;
      results.push(latencyRow(dialect, path, t));
    }
    delete process.env.DATABASE_URL;
    (globalThis as { patternsDb?: unknown }).patternsDb = undefined;
  }
  console.log(`\nbench:heal — ${FIXES} learned fixes (${FIXES / PER_SIGNATURE} signatures), ${QUERIES} queries each`);
  console.table(results);
  if (!ok) process.exitCode = 1;
}

await main();
