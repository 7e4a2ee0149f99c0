import type { Metadata } from "next";
import { connection } from "next/server";
import { Notice } from "@/components/ui/notice";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { withSetting } from "@/lib/mutations/update-setting";
import { InputError } from "@/lib/schemas/parse-input";
import { getSettingRows } from "@/lib/queries/settings/get-setting-rows";
import { getTokens } from "@/lib/queries/tokens/get-tokens";
import { DEFAULTS, type Settings } from "@/lib/schemas/settings";
import { PreviewPanel } from "./_components/preview-panel";
import { SETTING_LABELS } from "./_components/setting-labels";
import { SettingsTable, type TriedValue } from "./_components/settings-table";
import { TokensSection } from "./_components/tokens-section";

export const metadata: Metadata = { title: "Settings" };

type Params = Record<string, string | string[] | undefined>;

export default async function SettingsPage({ searchParams }: { searchParams: Promise<Params> }) {
  await connection();
  await requirePageUser("admin", "/settings");
  const params = await searchParams;
  const db = getDb();
  const [{ settings, rows }, tokens] = await Promise.all([getSettingRows(db), getTokens(db)]);

  // a value being tried (?key=…&value=…): checked by the same rules the save uses, nothing written
  let tried: TriedValue | null = null;
  let next: Settings | null = null;
  const key = typeof params.key === "string" && Object.hasOwn(DEFAULTS, params.key) ? (params.key as keyof Settings) : null;
  if (key && typeof params.value === "string") {
    const value = params.value.slice(0, 200);
    try {
      next = withSetting(settings, key, value);
      tried = { key, value };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      tried = { key, value, error: Object.values(error.fieldErrors)[0]?.[0] ?? error.message };
    }
  }
  const group = (g: string) => rows.filter((r) => SETTING_LABELS[r.key].group === g);
  return (
    <>
      <h1>Settings</h1>
      <p className="subtitle">The detectors&apos; thresholds, retention and job schedules, and API tokens. Try a value to preview what it would change; then save it.</p>
      <Notice params={params} />
      {typeof params.key === "string" && !key ? (
        <p role="alert" className="notice bad">
          There is no setting called <span className="mono">{params.key.slice(0, 100)}</span>.
        </p>
      ) : null}
      {tried?.error ? (
        <p role="alert" className="notice bad">
          {SETTING_LABELS[tried.key as keyof Settings].label}: that value cannot be used (see beside the field).
        </p>
      ) : null}
      {key && next ? <PreviewPanel db={db} settingKey={key} current={settings} next={next} /> : null}
      <section className="panel" aria-labelledby="detectors-title">
        <h2 id="detectors-title">Detectors</h2>
        <SettingsTable label="detectors" rows={group("detectors")} tried={tried} />
      </section>
      <section className="panel" aria-labelledby="schedules-title">
        <h2 id="schedules-title">Retention and job schedules</h2>
        <SettingsTable label="retention and job schedules" rows={[...group("retention"), ...group("schedules")]} tried={tried} />
      </section>
      <TokensSection tokens={tokens} />
    </>
  );
}
