// Who can sign in, for the Users page and `patterns user list`.
import type { DbHandle } from "../../db/client";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  createdAt: Date;
  lastSignInAt: Date | null;
}

export async function getUsers(db: DbHandle, limit = 500): Promise<UserRow[]> {
  const users = await db.prisma.user.findMany({
    orderBy: { email: "asc" },
    take: limit,
    select: { id: true, email: true, name: true, role: true, createdAt: true, sessions: { select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 } },
  });
  return users.map(({ sessions, ...u }) => ({ ...u, lastSignInAt: sessions[0]?.createdAt ?? null }));
}
