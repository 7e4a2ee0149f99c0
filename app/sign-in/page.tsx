import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { safeNext } from "@/lib/schemas/sign-in";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const params = await searchParams;
  const next = safeNext(typeof params.next === "string" ? params.next : undefined);
  if (await currentUser()) redirect(next);
  const anyone = await getDb().prisma.user.count();
  return (
    <main className="auth-page">
      <div className="panel auth-panel">
        <h1>Pattern Automation</h1>
        <p className="subtitle">Sign in to review candidates, read reports and lift quarantines.</p>
        {anyone === 0 ? (
          <div role="note" className="notice neutral">
            <p>No one can sign in yet. Create the first admin on the server:</p>
            <pre>npm run patterns -- user create --email you@example.com --role admin</pre>
            <p className="muted">It asks for a password (or reads one line from stdin with --password-stdin). There are no default credentials.</p>
          </div>
        ) : null}
        <SignInForm next={next} />
      </div>
    </main>
  );
}
