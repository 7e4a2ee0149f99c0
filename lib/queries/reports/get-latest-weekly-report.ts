// The newest stored weekly report over every source (AUTO-004), as Markdown: what an agent reads to
// learn how the automation did lately (MCP resource).
import type { DbHandle } from "../../db/client";

export async function getLatestWeeklyReport(db: DbHandle): Promise<{ week: string; markdown: string; generatedAt: Date } | null> {
  return db.prisma.weeklyReport.findFirst({ where: { source: "" }, orderBy: { week: "desc" }, select: { week: true, markdown: true, generatedAt: true } });
}
