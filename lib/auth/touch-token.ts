// Records when a token was last used without making the request wait for it: on SQLite the write goes
// to the API's writer thread (a write on the request thread would wait on another process's lock with the
// event loop held); on PostgreSQL it goes through the raw driver, not awaited. Not the ORM: its first query
// starts its query engine on the event loop (100-190 ms, measured), and the touch was the one ORM call an
// ingest-only instance made, so it stalled the requests just after an instance's first. A failed touch loses
// only a timestamp.
import type { DbHandle } from "../db/client";
import { rawRun } from "../db/raw";
import { requestWriter } from "../telemetry/request-writer";

export function touchToken(db: DbHandle, tokenId: string, at: number): void {
  if (db.dialect === "sqlite") requestWriter(db).touchToken(tokenId, at);
  else void rawRun(db, `UPDATE "api_tokens" SET "lastUsedAt" = ? WHERE "id" = ?`, [new Date(at), tokenId]).catch(() => {});
}
