// Records when a token was last used without making the request wait for it: on SQLite the write goes
// to the API's writer thread (a write on the request thread would wait on another process's lock with the
// event loop held); on PostgreSQL it runs without being awaited. A failed touch loses only a timestamp.
import type { DbHandle } from "../db/client";
import { requestWriter } from "../telemetry/request-writer";

export function touchToken(db: DbHandle, tokenId: string, at: number): void {
  if (db.dialect === "sqlite") requestWriter(db).touchToken(tokenId, at);
  else void db.prisma.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: new Date(at) } }).catch(() => {});
}
