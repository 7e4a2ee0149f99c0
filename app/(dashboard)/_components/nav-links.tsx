"use client";
// The sidebar's links, with the current page marked for eyes (style) and for screen readers (aria-current).
import Link from "next/link";
import { usePathname } from "next/navigation";

const NAV = [
  { href: "/", label: "Overview" },
  { href: "/candidates", label: "Candidates" },
  { href: "/patterns", label: "Patterns" },
  { href: "/anti-patterns", label: "Anti-patterns" },
  { href: "/fixes", label: "Fixes" },
  { href: "/executions", label: "Executions" },
  { href: "/reports", label: "Weekly reports" },
  { href: "/jobs", label: "Jobs" },
  { href: "/activity", label: "Activity" },
];

const ADMIN_NAV = [
  { href: "/settings", label: "Settings" },
  { href: "/users", label: "Users" },
];

export function NavLinks({ admin }: { admin: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      {[...NAV, ...(admin ? ADMIN_NAV : [])].map((item) => {
        const current = item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link key={item.href} href={item.href} aria-current={current ? "page" : undefined}>
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
