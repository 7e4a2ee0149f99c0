// Changing one setting: the value is parsed as its type, checked by the settings schema, and the change
// is recorded in the audit log with who made it. A value that does not fit writes nothing.
import { auditRow } from "../audit/audit";
import type { DbHandle } from "../db/client";
import { DEFAULTS, getSettings, settingsSchema, type Settings } from "../schemas/settings";

export class SettingError extends Error {
  override name = "SettingError";
}

export function parseSettingValue(key: string, raw: string): unknown {
  if (!(key in DEFAULTS)) throw new SettingError(`unknown setting "${key}" (known: ${Object.keys(DEFAULTS).join(", ")})`);
  const current = DEFAULTS[key as keyof Settings];
  if (typeof current === "boolean") {
    if (raw === "true" || raw === "on") return true;
    if (raw === "false" || raw === "off") return false;
    throw new SettingError(`${key}: "${raw}" is not true/false`);
  }
  if (typeof current === "string") return raw; // checked by its schema (cron schedules: lib/schemas/cron.ts)
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n)) throw new SettingError(`${key}: "${raw}" is not a number`);
  return n;
}

export async function updateSetting(db: DbHandle, key: string, raw: string, actor: string): Promise<Settings> {
  const value = parseSettingValue(key, raw);
  const next = { ...(await getSettings(db)), [key]: value };
  const checked = settingsSchema.safeParse(next);
  if (!checked.success) throw new SettingError(`${key}: ${checked.error.issues[0]?.message ?? "invalid value"}`);
  const now = new Date();
  await db.prisma.$transaction([
    db.prisma.setting.upsert({ where: { key }, create: { key, value: JSON.stringify(value), updatedBy: actor, updatedAt: now }, update: { value: JSON.stringify(value), updatedBy: actor, updatedAt: now } }),
    db.prisma.auditEvent.create({ data: auditRow({ at: now, actor, action: "setting.update", target: { type: "setting", id: key }, details: { value } }) }),
  ]);
  return checked.data;
}
