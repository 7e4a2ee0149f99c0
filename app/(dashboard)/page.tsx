import { headers } from "next/headers";
import { connection } from "next/server";
import { Suspense } from "react";
import { currentUser, hasRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getOverview } from "@/lib/queries/overview/get-overview";
import { Onboarding } from "./_components/onboarding";
import { OverviewBody } from "./_components/overview-body";

export default async function OverviewPage() {
  await connection();
  const overview = await getOverview(getDb());
  if (overview.empty) {
    const h = await headers();
    const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
    const proto = h.get("x-forwarded-proto") ?? "http";
    return <Onboarding baseUrl={`${proto}://${host}`} canLoadDemo={hasRole(await currentUser(), "admin")} />;
  }
  return (
    <Suspense fallback={<div className="skeleton" />}>
      <OverviewBody overview={overview} />
    </Suspense>
  );
}
