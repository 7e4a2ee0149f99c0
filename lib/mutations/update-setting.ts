// Changing one setting: the value is parsed as its type, checked by the settings schema, and the change
// is recorded in the audit log with who made it, the value before and after, and why. A value that does
// not fit writes nothing. Shared by `patterns settings set` and the Settings page.
import { audit } from "../audit/audit";
import type { DbHandle } from "../db/client";
import { InputError, parseInput } from "../schemas/parse-input";
import { DEFAULTS, getSettings, settingChangeSchema, settingsSchema, type Settings } from "../schemas/settings";

/** A refused change; `fieldErrors` names the setting, so a form shows the message beside its field. */
export class SettingError extends InputError {
  override name = "SettingError";
  constructor(key: string, message: string) {
    super(message, { [key]: [message.startsWith(`${key}: `) ? message.slice(key.length + 2) : message] });
  }
}

export function parseSettingValue(key: string, raw: string): unknown {
  if (!(key in DEFAULTS)) throw new SettingError("key", `unknown setting "${key}" (known: ${Object.keys(DEFAULTS).join(", ")})`);
  const current = DEFAULTS[key as keyof Settings];
  if (typeof current === "boolean") {
    if (raw === "true" || raw === "on") return true;
    if (raw === "false" || raw === "off") return false;
    throw new SettingError(key, `${key}: "${raw}" is not true/false`);
  }
  if (typeof current === "string") return raw; // checked by its schema (cron schedules: lib/schemas/cron.ts)
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n)) throw new SettingError(key, `${key}: "${raw}" is not a number`);
  return n;
}

/** The whole settings with one value changed, checked, or the reason it does not fit (nothing is written). */
export function withSetting(current: Settings, key: string, raw: string): Settings {
  const value = parseSettingValue(key, raw);
  const checked = settingsSchema.safeParse({ ...current, [key]: value });
  if (!checked.success) throw new SettingError(key, `${key}: ${checked.error.issues[0]?.message ?? "invalid value"}`);
  return checked.data;
}

export async function updateSetting(db: DbHandle, key: string, raw: string, actor: string, reason?: string): Promise<Settings> {
  const input = parseInput(settingChangeSchema, { key, value: raw, reason });
  const current = await getSettings(db);
  const next = withSetting(current, input.key, input.value);
  const k = input.key as keyof Settings;
  const value = next[k];
  const now = new Date();
  await db.prisma.$transaction(async (tx) => {
    const data = { value: JSON.stringify(value), updatedBy: actor, updatedAt: now };
    await tx.setting.upsert({ where: { key: k }, create: { key: k, ...data }, update: data });
    await audit(tx, { at: now, actor, action: "setting.update", target: { type: "setting", id: k }, reason: input.reason || null, before: current[k], after: value, details: { value } });
  });
  return next;
}
