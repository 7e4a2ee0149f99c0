// An admin changes what someone may do. The last admin cannot be demoted (no one could undo it), and the
// change is audited with the role before and after.
import type { DbHandle } from "../db/client";
import { audit } from "../audit/audit";
import { InputError, parseInput } from "../schemas/parse-input";
import { setUserRoleSchema, type SetUserRoleInput } from "../schemas/user";

export async function setUserRole(db: DbHandle, input: SetUserRoleInput, actor: string): Promise<{ email: string; role: string }> {
  const { userId, role } = parseInput(setUserRoleSchema, input);
  return db.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, role: true } });
    if (!user) throw new InputError(`userId: no user with id ${userId}`, { userId: ["no such user"] });
    if (user.role === role) return { email: user.email, role };
    if (user.role === "admin" && (await tx.user.count({ where: { role: "admin" } })) <= 1) {
      throw new InputError(`role: ${user.email} is the last admin; make someone else admin first`, { role: ["the last admin keeps the role"] });
    }
    await tx.user.update({ where: { id: userId }, data: { role } });
    await audit(tx, { actor, action: "user.role", target: { type: "user", id: user.email }, before: { role: user.role }, after: { role } });
    return { email: user.email, role };
  });
}
