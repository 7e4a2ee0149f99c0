// `patterns user create|list|set-role`: people who sign in to the dashboard. The first admin is made here;
// there are no default credentials. The password is prompted for (hidden), or read as one line from stdin.
import type { Command } from "commander";
import { createInterface } from "node:readline";
import { getUsers } from "../../queries/users/get-users";
import { createUser } from "../../mutations/create-user";
import { setUserRole } from "../../mutations/set-user-role";
import { ROLES } from "../../schemas/user";
import { CliError, printJson, withDb } from "../context";
import { choiceOption } from "../option-values";

async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const line = Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  if (!line) throw new CliError("--password-stdin: stdin held no password line", 2);
  return line;
}

async function promptPassword(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new CliError("no terminal to ask for a password: pipe it in with --password-stdin", 2);
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // keep what is typed off the screen: the question is written once, keystrokes are not echoed
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.includes(question)) process.stderr.write(question);
  };
  try {
    return await new Promise<string>((resolve) => rl.question(question, resolve));
  } finally {
    rl.close();
    process.stderr.write("\n");
  }
}

export function registerUser(program: Command): void {
  const user = program.command("user").description("people who sign in to the dashboard, and their roles");
  user
    .command("create")
    .requiredOption("--email <email>", "their email address (they sign in with it)")
    .addOption(choiceOption("--role <role>", "what they may do", ROLES).makeOptionMandatory())
    .option("--name <name>", "how they are shown (default: the part of the email before @)")
    .option("--password-stdin", "read the password as one line from stdin instead of asking")
    .option("--json", "print the user as JSON")
    .description("create a user (the first admin is made this way)")
    .action(async (opts: { email: string; role: string; name?: string; passwordStdin?: boolean; json?: boolean }) => {
      let password = opts.passwordStdin ? await readPasswordFromStdin() : await promptPassword("Password (at least 10 characters): ");
      if (!opts.passwordStdin && (await promptPassword("Again: ")) !== password) throw new CliError("the two passwords differ; nothing was created");
      const created = await withDb((db) => createUser(db, { email: opts.email, role: opts.role as never, name: opts.name, password }, "cli"));
      password = "";
      if (opts.json) printJson(created);
      else console.log(`user ${created.email} created with role ${created.role}`);
    });
  user
    .command("list")
    .option("--json", "print as JSON")
    .description("list users and their roles")
    .action(async (opts: { json?: boolean }) => {
      const rows = await withDb((db) => getUsers(db));
      if (opts.json) return printJson(rows);
      if (rows.length === 0) console.log("no users; create the first admin with: patterns user create --email E --role admin");
      for (const r of rows) console.log(`${r.email.padEnd(32)} ${r.role.padEnd(9)} ${r.lastSignInAt ? `last signed in ${r.lastSignInAt.toISOString()}` : "never signed in"}`);
    });
  user
    .command("set-role")
    .requiredOption("--email <email>")
    .addOption(choiceOption("--role <role>", "what they may do", ROLES).makeOptionMandatory())
    .description("change a user's role")
    .action(async (opts: { email: string; role: string }) => {
      const changed = await withDb(async (db) => {
        const found = await db.prisma.user.findUnique({ where: { email: opts.email.trim().toLowerCase() }, select: { id: true } });
        if (!found) throw new CliError(`--email: no user ${opts.email}`);
        return setUserRole(db, { userId: found.id, role: opts.role as never }, "cli");
      });
      console.log(`${changed.email} is now ${changed.role}`);
    });
}
