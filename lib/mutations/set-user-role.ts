// An admin changes what someone may do. The last admin cannot be demoted (no one could undo it), even when two
// admins demote each other at the same moment: on PostgreSQL the admins' rows are locked before they are
// counted, so the second demotion waits, counts again and is refused (SQLite runs one writer at a time). The
// change is audited with the role before and after.
import type { DbHandle } from "../db/client";
import { audit } from "../audit/audit";
import { InputError, parseInput } from "../schemas/parse-input";
import { setUserRoleSchema, type SetUserRoleInput } from "../schemas/user";

export async function setUserRole(db: DbHandle, input: SetUserRoleInput, actor: string): Promise<{ email: string; role: string }> {
  const { userId, role } = parseInput(setUserRoleSchema, input);
  return db.prisma.$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { id: userId }, select: { email: true, role: true } });
    if (!found) throw new InputError(`userId: no user with id ${userId}`, { userId: ["no such user"] });
    let user = found;
    let admins = Number.POSITIVE_INFINITY;
    if (found.role === "admin") {
      admins =
        db.dialect === "postgresql"
          ? (await tx.$queryRawUnsafe<Array<{ id: string }>>(`SELECT "id" FROM "users" WHERE "role" = 'admin' FOR UPDATE`)).length
          : await tx.user.count({ where: { role: "admin" } });
      // read again after the lock: a concurrent change to this very user has committed by now
      user = (await tx.user.findUnique({ where: { id: userId }, select: { email: true, role: true } })) ?? found;
    }
    if (user.role === role) return { email: user.email, role };
    if (user.role === "admin" && admins <= 1) {
      throw new InputError(`role: ${user.email} is the last admin; make someone else admin first`, { role: ["the last admin keeps the role"] });
    }
    await tx.user.update({ where: { id: userId }, data: { role } });
    await audit(tx, { actor, action: "user.role", target: { type: "user", id: user.email }, before: { role: user.role }, after: { role } });
    return { email: user.email, role };
  });
}
