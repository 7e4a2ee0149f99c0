// What every API route test starts from: a fresh test database, the routes served over real HTTP against
// it, and a token to call them with. The route modules are imported only after DATABASE_URL names the
// database, because they open it on first use.
import { createTestDb, type TestDb } from "../db/test-db";
import { createToken } from "../mutations/create-token";
import type { CreateTokenInput } from "../schemas/token";
import { serveRoutes, type Routes, type TestServer } from "./test-server";

export interface RouteFixture {
  db: TestDb;
  server: TestServer;
  /** the token's secret, for `authorization: Bearer …` */
  token: string;
  close: () => Promise<void>;
}

export async function serveRoutesOnTestDb(token: string | CreateTokenInput, routes: () => Promise<Routes>): Promise<RouteFixture> {
  const db = await createTestDb();
  let server: TestServer | undefined;
  const close = async () => {
    await server?.close();
    await db.destroy();
  };
  try {
    process.env.DATABASE_URL = db.url;
    server = await serveRoutes(await routes());
    const secret = (await createToken(db, token)).secret;
    return { db, server, token: secret, close };
  } catch (error) {
    await close();
    throw error;
  }
}
