// Whether the workspace holds anything yet (the overview shows onboarding until it does): two indexed
// probes, not a count over every execution.
import type { DbHandle } from "../../db/client";

export async function getHasData(db: DbHandle): Promise<boolean> {
  const [pattern, metric] = await Promise.all([db.prisma.pattern.findFirst({ select: { id: true } }), db.prisma.patternMetricDaily.findFirst({ select: { day: true } })]);
  return pattern !== null || metric !== null;
}
