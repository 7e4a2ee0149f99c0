import Database from "better-sqlite3";
const db = new Database("/tmp/prof/work.db");
const pats = db.prepare(`SELECT id FROM patterns`).all().map((r: any) => r.id).slice(0, 3000);
const now = Date.parse("2026-11-25T12:00:00Z"), from = now - 30 * 86400000;
const sql = `SELECT "seq","id","startedAt","success","source","errorKey","operation","durationMs" FROM "executions" WHERE "patternId" = ? AND "startedAt" >= ? AND "startedAt" <= ? ORDER BY "startedAt" DESC, "seq" DESC LIMIT 128`;
let t = performance.now(); let n = 0;
for (const p of pats) { n += db.prepare(sql).all(p, from, now).length; }
console.log("prepare each", pats.length, n, (performance.now() - t).toFixed(0));
const st = db.prepare(sql);
t = performance.now(); n = 0;
for (const p of pats) { n += st.all(p, from, now).length; }
console.log("prepared once", pats.length, n, (performance.now() - t).toFixed(0));
const st2 = db.prepare(sql.replace("LIMIT 128", "LIMIT 64"));
t = performance.now(); n = 0;
for (const p of pats) { n += st2.raw(true).all(p, from, now).length; }
console.log("64 raw", pats.length, n, (performance.now() - t).toFixed(0));
console.log(db.prepare("EXPLAIN QUERY PLAN " + sql).all("x", 1, 2));
const agg = db.prepare(`SELECT COUNT(*), SUM(CASE WHEN "success" THEN 0 ELSE 1 END) FROM "executions" WHERE "patternId" = ? AND "startedAt" >= ? AND "startedAt" <= ?`);
t = performance.now(); n = 0;
for (const p of pats) { n += (agg.raw(true).get(p, from, now) as any)[0]; }
console.log("agg", pats.length, n, (performance.now() - t).toFixed(0));
