import { describe, expect, test } from "vitest";
import { DatabaseConfigError, parseDatabaseUrl } from "./config";

describe("parseDatabaseUrl", () => {
  test("defaults to the embedded SQLite file", () => {
    const config = parseDatabaseUrl(undefined, "/srv/app");
    expect(config).toMatchObject({ dialect: "sqlite", file: "/srv/app/data/patterns.db" });
  });

  test.each([
    ["postgresql://postgres@127.0.0.1:5432/test", { host: "127.0.0.1", port: 5432, user: "postgres", database: "test" }],
    ["postgres://u:p%40ss@db.internal/pa", { host: "db.internal", port: 5432, user: "u", password: "p@ss", database: "pa" }],
  ])("reads %s", (url, connection) => {
    const config = parseDatabaseUrl(url);
    expect(config.dialect).toBe("postgresql");
    expect(config.dialect === "postgresql" && config.connection).toMatchObject(connection);
  });

  test.each([
    ["mysql://root@localhost/x", 'unsupported scheme "mysql"'],
    ["postgresql://127.0.0.1:5432/", "names no database"],
    ["postgresql://host:99999/db", "not a valid URL"],
    ["file:", "not a usable SQLite file URL"],
    ["just-words", 'unsupported scheme "just-words"'],
  ])("rejects %s with one line naming DATABASE_URL", (url, reason) => {
    let error: unknown;
    try {
      parseDatabaseUrl(url);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseConfigError);
    const message = (error as Error).message;
    expect(message.startsWith("DATABASE_URL: ")).toBe(true);
    expect(message).toContain(reason);
    expect(message).not.toContain("\n");
  });
});
