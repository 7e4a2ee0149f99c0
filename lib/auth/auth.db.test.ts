// The sign-in library's instance per database: a database that cannot answer when it is first made (here:
// not migrated yet) fails that call only, and the next call after the fault makes it without a restart; once
// the secret is stored, a start reads it and writes nothing, so a held SQLite write lock does not stop it.
import { afterEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { getAuth } from "./auth";
import { openDb, type DbHandle } from "../db/client";
import { migrate } from "../db/migrate";
import { tempPostgres, tempSqlite, type TempDatabase } from "../db/testing";
import { testDialect } from "../db/test-db";

const dialect = testDialect();

describe(`getAuth on ${dialect}`, () => {
  let temp: TempDatabase | undefined;
  const handles: DbHandle[] = [];
  afterEach(async () => {
    for (const handle of handles.splice(0)) await handle.close();
    await temp?.drop();
  });
  const open = () => {
    const handle = openDb(temp!.config);
    handles.push(handle);
    return handle;
  };

  it("a failure at the first call is not kept: after the fault the next call succeeds on the same handle", async () => {
    delete process.env.BETTER_AUTH_SECRET;
    temp = dialect === "sqlite" ? tempSqlite() : await tempPostgres();
    const db = open();
    await expect(getAuth(db)).rejects.toThrow(); // no tables yet
    await migrate(temp.config);
    const auth = await getAuth(db);
    expect(typeof auth.api.signInEmail).toBe("function");
    expect(await db.prisma.setting.count({ where: { key: "internal.authSecret" } })).toBe(1);
    expect(getAuth(db)).toBe(getAuth(db)); // and, made, it is kept
  });

  // SQLite only: a PostgreSQL reader or writer of another row never waits on another session's transaction
  it.runIf(dialect === "sqlite")("with the secret stored, a new instance starts while another process holds the write lock", async () => {
    delete process.env.BETTER_AUTH_SECRET;
    temp = tempSqlite();
    await migrate(temp.config);
    await getAuth(open()); // stores the secret
    const holder = new Database(temp.config.dialect === "sqlite" ? temp.config.file : "");
    holder.exec("BEGIN IMMEDIATE");
    try {
      await expect(getAuth(open())).resolves.toBeDefined();
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
  });
});
