// One page of the Users listing: who can sign in, sorted by email, name or role, filtered by role and a
// search on email or name, with when each last signed in. Paged with the shared window.
import type { DbHandle, Prisma } from "../../db/client";
import { window, type Page, type PageInput } from "../shared/page-input";
import type { UserRow } from "./get-users";

export type UserSort = "email" | "name" | "role";

export interface UsersInput extends PageInput<UserSort> {
  role?: string;
  /** part of an email or name */
  q?: string;
}

export async function getUsersPage(db: DbHandle, input: UsersInput): Promise<Page<UserRow>> {
  const where: Prisma.UserWhereInput = {
    ...(input.role ? { role: input.role } : {}),
    ...(input.q ? { OR: [{ email: { contains: input.q.toLowerCase() } }, { name: { contains: input.q } }] } : {}),
  };
  const dir = input.sort.desc ? "desc" : "asc";
  const orderBy: Prisma.UserOrderByWithRelationInput[] = input.sort.id === "email" ? [{ email: dir }] : [{ [input.sort.id]: dir }, { email: "asc" }];
  const [users, total] = await Promise.all([
    db.prisma.user.findMany({
      where,
      orderBy,
      ...window(input),
      select: { id: true, email: true, name: true, role: true, createdAt: true, sessions: { select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 } },
    }),
    db.prisma.user.count({ where }),
  ]);
  return { total, rows: users.map(({ sessions, ...u }) => ({ ...u, lastSignInAt: sessions[0]?.createdAt ?? null })) };
}
