// The keyboard review walks the pending queue in its order (confidence, highest first; id breaks ties):
// the pending candidates just before and after one, and the first pending one, for "next" after a decision.
import type { DbHandle } from "../../db/client";

export interface QueueNeighbours {
  previous: string | null;
  next: string | null;
  /** the first pending candidate in the queue, whatever this one is */
  first: string | null;
  pending: number;
}

export async function getQueueNeighbours(db: DbHandle, at: { id: string; confidence: number }): Promise<QueueNeighbours> {
  const pending = { status: "pending" } as const;
  const [next, previous, first, count] = await Promise.all([
    db.prisma.patternCandidate.findFirst({
      where: { ...pending, OR: [{ confidence: { lt: at.confidence } }, { confidence: at.confidence, id: { gt: at.id } }] },
      orderBy: [{ confidence: "desc" }, { id: "asc" }],
      select: { id: true },
    }),
    db.prisma.patternCandidate.findFirst({
      where: { ...pending, OR: [{ confidence: { gt: at.confidence } }, { confidence: at.confidence, id: { lt: at.id } }] },
      orderBy: [{ confidence: "asc" }, { id: "desc" }],
      select: { id: true },
    }),
    db.prisma.patternCandidate.findFirst({ where: pending, orderBy: [{ confidence: "desc" }, { id: "asc" }], select: { id: true } }),
    db.prisma.patternCandidate.count({ where: pending }),
  ]);
  return { previous: previous?.id ?? null, next: next?.id ?? null, first: first?.id ?? null, pending: count };
}
