// People: who can sign in and what they may do. One set of rules for the CLI and the Users page.
import { z } from "zod";
import { ROLES } from "../auth/roles";

export { ROLES, type Role } from "../auth/roles";

export const roleSchema = z.enum(ROLES, { error: `a role is one of ${ROLES.join(", ")}` });

export const emailSchema = z.string({ error: "give an email address" }).trim().toLowerCase().pipe(z.email({ error: "not an email address" })).pipe(z.string().max(254));

export const passwordSchema = z
  .string({ error: "give a password" })
  .min(10, { error: "a password has at least 10 characters" })
  .max(256, { error: "a password has at most 256 characters" });

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().max(200).optional(),
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const setUserRoleSchema = z.object({
  userId: z.string({ error: "which user: the form lost its user id" }).trim().min(1).max(128),
  role: roleSchema,
});
export type SetUserRoleInput = z.input<typeof setUserRoleSchema>;
