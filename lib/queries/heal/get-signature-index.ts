// The learned error signatures, indexed for the nearest-signature lookup and kept between calls: read
// again only when a cheap fingerprint (rows and the newest row) moved, checked at most once a second.
import type { DbHandle } from "../../db/client";
import { buildSignatureIndex, type SignatureIndex } from "../../detectors/nearest-signatures";

export const SIGNATURE_INDEX_MAX_STALE_MS = 1000;

interface CacheState {
  index?: SignatureIndex;
  fingerprint?: string;
  checkedAt: number;
  building?: Promise<SignatureIndex>;
}

// One cache per database handle (tests and benchmarks open several).
const cache = new WeakMap<DbHandle, CacheState>();

async function fingerprintOf(db: DbHandle): Promise<string> {
  const agg = await db.prisma.errorPattern.aggregate({ _count: { _all: true }, _max: { createdAt: true } });
  return `${agg._count._all}:${agg._max.createdAt?.getTime() ?? 0}`;
}

async function build(db: DbHandle, state: CacheState, fingerprint: string): Promise<SignatureIndex> {
  const rows = await db.prisma.errorPattern.findMany({ select: { signatureKey: true, signature: true }, orderBy: { signatureKey: "asc" } });
  state.index = buildSignatureIndex(rows.map((r) => ({ key: r.signatureKey, signature: r.signature })));
  state.fingerprint = fingerprint;
  return state.index;
}

export async function getSignatureIndex(db: DbHandle, maxStaleMs = SIGNATURE_INDEX_MAX_STALE_MS): Promise<SignatureIndex> {
  let state = cache.get(db);
  if (!state) cache.set(db, (state = { checkedAt: 0 }));
  if (state.building) return state.index ?? state.building;
  if (state.index && Date.now() - state.checkedAt < maxStaleMs) return state.index;
  state.checkedAt = Date.now();
  const fingerprint = await fingerprintOf(db);
  if (state.index && fingerprint === state.fingerprint) return state.index;
  state.building = build(db, state, fingerprint).finally(() => (state.building = undefined));
  return state.building;
}
