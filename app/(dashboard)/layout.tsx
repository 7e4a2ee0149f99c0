import Link from "next/link";
import type { ReactNode } from "react";
import { signOutAction } from "@/lib/actions/auth/sign-out";
import { hasRole, requirePageUser } from "@/lib/auth/session";
import { MarkScripted } from "@/components/ui/mark-scripted";
import { NavLinks } from "./_components/nav-links";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser("viewer");
  return (
    <div className="shell">
      <aside className="sidebar">
        <Link href="/" className="brand">
          Pattern Automation
        </Link>
        <NavLinks admin={hasRole(user, "admin")} />
        <div className="who">
          <span>
            {user.email} · {user.role}
          </span>
          <form action={signOutAction}>
            <button type="submit">Sign out</button>
          </form>
        </div>
      </aside>
      <main className="main">{children}</main>
      <MarkScripted />
    </div>
  );
}
