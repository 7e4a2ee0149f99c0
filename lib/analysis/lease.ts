// A lease in the database so that one process at a time runs a job, across app instances too: taking it
// is one atomic upsert that succeeds only when the lease is free, expired, or already ours. The holder is
// new for every acquisition, so it is also the fencing token: a writer checks, inside its own transaction,
// that the lease row still names it (and extends it, which keeps the row locked until that commit).
import { randomUUID } from "node:crypto";
import { readlinkSync } from "node:fs";
import { hostname } from "node:os";
import type { DbHandle } from "../db/client";
import type { Tx } from "./types";

export interface Lease {
  name: string;
  holder: string;
  /** Extends the lease; returns false when it was lost (expired and taken by someone else). */
  renew: () => Promise<boolean>;
  /** Inside a transaction: extends the lease if it is still ours and returns whether it is (fencing). */
  holdIn: (tx: Tx) => Promise<boolean>;
  release: () => Promise<void>;
}

export class LeaseLostError extends Error {
  override name = "LeaseLostError";
}

/** This process's PID namespace (containers on one host each have their own), or "" where there is none to read. */
function pidNamespace(): string {
  try {
    return readlinkSync("/proc/self/ns/pid").replace(/\D/g, "");
  } catch {
    return "";
  }
}

/** host:pid:pid-namespace:random — enough to tell, on the same host, whether the holder's process is gone. */
export function newHolder(): string {
  return `${hostname()}:${process.pid}:${pidNamespace()}:${randomUUID().slice(0, 8)}`;
}

/** A holder on this machine, in this PID namespace, whose process is gone (killed, crashed): its lease need not run out first. */
function isDeadLocalHolder(holder: string): boolean {
  const [host, pid, namespace] = holder.split(":");
  if (host !== hostname() || namespace !== pidNamespace() || !pid || !/^\d+$/.test(pid) || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

export async function tryAcquireLease(db: DbHandle, name: string, ttlMs: number, holder = newHolder(), now = new Date()): Promise<Lease | null> {
  const current = await db.prisma.lease.findUnique({ where: { name } });
  if (current && current.holder !== holder && current.expiresAt >= now && isDeadLocalHolder(current.holder)) {
    // taken back only if it is still that holder's (another process may have done the same meanwhile)
    await db.prisma.lease.deleteMany({ where: { name, holder: current.holder } });
  }
  const expires = new Date(now.getTime() + ttlMs);
  await db.prisma.$executeRaw`
    INSERT INTO "leases" ("name", "holder", "expiresAt") VALUES (${name}, ${holder}, ${expires})
    ON CONFLICT ("name") DO UPDATE SET "holder" = excluded."holder", "expiresAt" = excluded."expiresAt"
    WHERE "leases"."expiresAt" < ${now} OR "leases"."holder" = excluded."holder"`;
  const row = await db.prisma.lease.findUnique({ where: { name } });
  if (!row || row.holder !== holder) return null;
  return {
    name,
    holder,
    renew: async () => {
      const r = await db.prisma.lease.updateMany({ where: { name, holder }, data: { expiresAt: new Date(Date.now() + ttlMs) } });
      return r.count === 1;
    },
    holdIn: async (tx) => {
      const r = await tx.lease.updateMany({ where: { name, holder }, data: { expiresAt: new Date(Date.now() + ttlMs) } });
      return r.count === 1;
    },
    release: async () => {
      await db.prisma.lease.deleteMany({ where: { name, holder } });
    },
  };
}

export async function describeLease(db: DbHandle, name: string): Promise<{ holder: string; expiresAt: Date } | null> {
  return db.prisma.lease.findUnique({ where: { name }, select: { holder: true, expiresAt: true } });
}
