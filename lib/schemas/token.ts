// API tokens: one rule for a token's name, for the CLI and the Settings page.
import { z } from "zod";
import { TOKEN_NAME } from "../auth/tokens";

export const tokenNameSchema = z
  .string({ error: "give the token a name" })
  .trim()
  .min(1, "give the token a name")
  .max(64, "at most 64 characters")
  .regex(TOKEN_NAME, "use letters, digits, dot, dash or underscore, starting with a letter or digit");

export const createTokenSchema = z.strictObject({ name: tokenNameSchema });
export const revokeTokenSchema = z.strictObject({ name: z.string({ error: "which token: the form lost its name" }).trim().min(1).max(64) });
