// Creates a person who can sign in, with a role. better-auth hashes the password and stores it as its
// "credential" account; the user row and its audit event are written together, or nothing is.
import type { DbHandle } from "../db/client";
import { audit } from "../audit/audit";
import { createUserSchema, type CreateUserInput, type Role } from "../schemas/user";
import { InputError, parseInput } from "../schemas/parse-input";

export interface CreatedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export async function createUser(db: DbHandle, input: CreateUserInput, actor: string): Promise<CreatedUser> {
  const { email, name, role, password } = parseInput(createUserSchema, input);
  if (await db.prisma.user.findUnique({ where: { email }, select: { id: true } })) throw new InputError(`email: a user with ${email} already exists`, { email: ["already exists"] });
  // loaded here, not with the module: the sign-in library takes 0.7 s to load, and every `patterns` command
  // would pay for it (the CLI's bundle holds this module for `patterns user create`)
  const { getAuth } = await import("../auth/auth");
  const auth = await getAuth(db);
  const context = await auth.$context;
  const hash = await context.password.hash(password);
  const now = new Date();
  const id = `usr_${crypto.randomUUID()}`;
  const displayName = name || email.split("@")[0]!;
  await db.prisma
    .$transaction(async (tx) => {
    await tx.user.create({ data: { id, email, name: displayName, role, emailVerified: false, createdAt: now, updatedAt: now } });
    await tx.account.create({ data: { id: `acc_${crypto.randomUUID()}`, accountId: id, providerId: "credential", userId: id, password: hash, createdAt: now, updatedAt: now } });
    await audit(tx, { actor, action: "user.create", target: { type: "user", id: email }, after: { role }, at: now });
    })
    .catch((error: unknown) => {
      // two creations of one email at once: the unique index decides, the loser hears it plainly
      if ((error as { code?: string }).code === "P2002") throw new InputError(`email: a user with ${email} already exists`, { email: ["already exists"] });
      throw error;
    });
  return { id, email, name: displayName, role };
}
