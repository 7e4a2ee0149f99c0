import type { Metadata } from "next";
import { TableScroll } from "@/components/ui/table-scroll";
import Link from "next/link";
import { connection } from "next/server";
import { formatCount } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getAuditActors } from "@/lib/queries/activity/get-audit-actors";
import { getAuditEvents, type AuditEventRow } from "@/lib/queries/activity/get-audit-events";
import { ACTIVITY_PAGE_SIZE, activityFiltersSchema } from "@/lib/schemas/activity";
import { ActivityFilters, type FilterValues } from "./_components/activity-filters";
import { showValue, targetHref } from "./_components/target-href";

export const metadata: Metadata = { title: "Activity" };

type Params = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function pageHref(values: FilterValues, page: number): string {
  const query = new URLSearchParams(Object.entries({ ...values, page: page > 1 ? String(page) : "" }).filter((e): e is [string, string] => !!e[1]));
  const text = query.toString();
  return `/activity${text ? `?${text}` : ""}`;
}

function Target({ e }: { e: AuditEventRow }) {
  const href = targetHref(e.targetType, e.targetId);
  const label = (
    <>
      <span className="muted">{e.targetType.replace("_", " ")}</span> <span className="mono">{e.targetId}</span>
    </>
  );
  // no prefetch: a page of the log links to up to 50 different pages, few of which are opened
  return href ? (
    <Link href={href} prefetch={false}>
      {label}
    </Link>
  ) : (
    label
  );
}

function Change({ e }: { e: AuditEventRow }) {
  if (e.before === undefined && e.after === undefined) return <span className="muted">—</span>;
  return (
    <span className="mono">
      {e.before !== undefined ? <del>{showValue(e.before)}</del> : null}
      {e.before !== undefined && e.after !== undefined ? " → " : null}
      {e.after !== undefined ? <ins>{showValue(e.after)}</ins> : null}
    </span>
  );
}

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Params> }) {
  await connection();
  await requirePageUser("viewer", "/activity");
  const params = await searchParams;
  const raw = { actor: first(params.actor), action: first(params.action), from: first(params.from), to: first(params.to), page: first(params.page) };
  const parsed = activityFiltersSchema.safeParse(raw);
  const db = getDb();
  const actors = await getAuditActors(db);
  const values: FilterValues = { actor: raw.actor, action: raw.action, from: raw.from, to: raw.to };
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? "page")] ??= []).push(issue.message);
    return (
      <>
        <h1>Activity</h1>
        <ActivityFilters values={values} actors={actors} errors={errors} />
        <p role="alert" className="notice bad">
          These filters cannot be used: {Object.entries(errors).map(([k, m]) => `${k}: ${m[0]}`).join("; ")}.
        </p>
      </>
    );
  }
  const f = parsed.data;
  const page = f.page ?? 1;
  const { rows, total } = await getAuditEvents(db, { actor: f.actor, action: f.action, from: f.from, to: f.to, limit: ACTIVITY_PAGE_SIZE, offset: (page - 1) * ACTIVITY_PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / ACTIVITY_PAGE_SIZE));
  const shown = { actor: f.actor, action: f.action, from: f.from, to: f.to };
  return (
    <>
      <h1>Activity</h1>
      <p className="subtitle">Every decision and change: who made it, when, what it changed and why. Newest first.</p>
      <ActivityFilters values={shown} actors={actors} errors={{}} />
      <section className="panel" aria-labelledby="activity-title">
        <h2 id="activity-title">
          {formatCount(total)} event{total === 1 ? "" : "s"}
          {total > ACTIVITY_PAGE_SIZE ? ` · page ${page} of ${formatCount(pages)}` : ""}
        </h2>
        {rows.length === 0 ? (
          <p className="muted">{total > 0 ? "No events on this page." : "Nothing matches these filters."}</p>
        ) : (
          <TableScroll label="Activity events">
            <table className="data activity">
              <thead>
                <tr>
                  <th>When</th>
                  <th>Who</th>
                  <th>Action</th>
                  <th>What</th>
                  <th>Change</th>
                  <th>Why</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((e) => (
                  <tr key={e.id}>
                    <td className="nowrap">
                      <LocalTime at={e.at} />
                    </td>
                    <td className="mono">{e.actor}</td>
                    <td>
                      <span className="badge">{e.action}</span>
                    </td>
                    <td className="wrap">
                      <Target e={e} />
                    </td>
                    <td className="wrap">
                      <Change e={e} />
                    </td>
                    <td className="wrap">{e.reason ?? <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {pages > 1 ? (
          <nav className="pager" aria-label="Pages">
            {page > 1 ? <Link href={pageHref(shown, page - 1)}>← Newer</Link> : <span className="muted">← Newer</span>}
            <span>
              page {page} of {formatCount(pages)}
            </span>
            {page < pages ? <Link href={pageHref(shown, page + 1)}>Older →</Link> : <span className="muted">Older →</span>}
          </nav>
        ) : null}
      </section>
    </>
  );
}
