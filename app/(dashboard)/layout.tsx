import Link from "next/link";
import type { ReactNode } from "react";

const NAV = [
  { href: "/", label: "Overview" },
  { href: "/candidates", label: "Candidates" },
  { href: "/patterns", label: "Patterns" },
  { href: "/anti-patterns", label: "Anti-patterns" },
  { href: "/fixes", label: "Fixes" },
  { href: "/executions", label: "Executions" },
  { href: "/reports", label: "Weekly reports" },
];

export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <div className="shell">
      <aside className="sidebar">
        <Link href="/" className="brand">
          Pattern Automation
        </Link>
        <nav aria-label="Main">
          {NAV.map((item) => (
            <Link key={item.href} href={item.href}>
              {item.label}
            </Link>
          ))}
        </nav>
      </aside>
      <main className="main">{children}</main>
    </div>
  );
}
