// Every setting as the Settings page shows it: its default, the value in force, and who changed it when
// (a key never changed has no row and shows its default).
import type { DbHandle } from "../../db/client";
import { DEFAULTS, getSettings, SETTING_KEYS, type Settings } from "../../schemas/settings";

export interface SettingRow {
  key: keyof Settings;
  defaultValue: Settings[keyof Settings];
  value: Settings[keyof Settings];
  updatedBy: string | null;
  updatedAt: Date | null;
}

export async function getSettingRows(db: DbHandle): Promise<{ settings: Settings; rows: SettingRow[] }> {
  const [settings, stored] = await Promise.all([
    getSettings(db),
    db.prisma.setting.findMany({ where: { key: { in: SETTING_KEYS } }, select: { key: true, updatedBy: true, updatedAt: true }, take: SETTING_KEYS.length }),
  ]);
  const byKey = new Map(stored.map((s) => [s.key, s]));
  const rows = SETTING_KEYS.map((key) => ({
    key,
    defaultValue: DEFAULTS[key],
    value: settings[key],
    updatedBy: byKey.get(key)?.updatedBy ?? null,
    updatedAt: byKey.get(key)?.updatedAt ?? null,
  }));
  return { settings, rows };
}
