// The specs of the active patterns that have one written (MCP resources): the list without the spec
// text, and one spec by id. Patterns registered from telemetry have none until someone writes it.
import type { DbHandle } from "../../db/client";

export interface ActiveSpecEntry {
  id: string;
  name: string;
  kind: string;
}

const where = { status: "active", spec: { not: "" } };

export async function getActiveSpecList(db: DbHandle): Promise<ActiveSpecEntry[]> {
  return db.prisma.pattern.findMany({ where, select: { id: true, name: true, kind: true }, orderBy: { id: "asc" } });
}

/** The YAML spec of an active pattern, or null when there is no such pattern or it has no spec. */
export async function getActiveSpec(db: DbHandle, id: string): Promise<(ActiveSpecEntry & { spec: string }) | null> {
  return db.prisma.pattern.findFirst({ where: { id, ...where }, select: { id: true, name: true, kind: true, spec: true } });
}
