// What a new value would change, before it is saved. Detector settings: the detectors replayed over the
// stored telemetry with the current and the new values (lib/detectors/settings-preview.ts), the verdicts
// that differ listed. Retention: what cleanup would delete. Schedules: when the job would next come due.
import Link from "next/link";
import { formatCount, formatDateTime } from "@/components/ui/format";
import type { DbHandle } from "@/lib/db/client";
import { previewSettingsChange, type PreviewChange, type PreviewChangeKind } from "@/lib/detectors/settings-preview";
import { getPreviewFacts, PREVIEW_WINDOW_DAYS } from "@/lib/queries/settings/get-preview-facts";
import { countExecutionsOlderThan } from "@/lib/queries/settings/get-retention-preview";
import { parseCron } from "@/lib/schemas/cron";
import { detectorSettings, type Settings } from "@/lib/schemas/settings";
import { SaveSettingForm } from "./save-setting-form";
import { SETTING_LABELS, showSetting } from "./setting-labels";

const SHOWN = 100;

const WHAT: Record<PreviewChangeKind, string> = {
  quarantined: "would be quarantined",
  "proposed-quarantine": "would be proposed for quarantine",
  released: "would no longer be quarantined",
  "not-quarantined": "would no longer be quarantined at the next analysis",
  "auto-approved": "would be auto-approved",
  "not-auto-approved": "would no longer be auto-approved",
  "not-proposed": "would no longer be proposed",
  "self-heal": "would become a self-healing fix",
  "not-self-heal": "would no longer be a self-healing fix",
  "auto-apply": "would be applied without asking",
  "not-auto-apply": "would no longer be applied without asking",
};

function targetLink(c: PreviewChange) {
  const label = <span className="mono">{c.target.label}</span>;
  if (c.target.type === "pattern") return <Link href={`/patterns/${encodeURIComponent(c.target.id)}`} prefetch={false}>{label}</Link>;
  if (c.target.type === "candidate") return <Link href={`/candidates/${encodeURIComponent(c.target.id)}`} prefetch={false}>{label}</Link>;
  return <Link href="/fixes">{label}</Link>;
}

async function DetectorChanges({ db, current, next }: { db: DbHandle; current: Settings; next: Settings }) {
  const facts = await getPreviewFacts(db, new Date());
  const changes = previewSettingsChange(facts, detectorSettings(current), detectorSettings(next));
  return (
    <>
      <p className="muted note">
        Replayed over the stored telemetry of the last {PREVIEW_WINDOW_DAYS} days: each pattern&apos;s latest runs ({formatCount(facts.patterns.length)} patterns), the
        outage windows found, the {formatCount(facts.candidates.length)} open and auto-approved candidates and the {formatCount(facts.fixes.length)} learned fixes.
        The next analysis run acts on it: candidates when their group next sees new runs; a quarantine stays until someone lifts it.
      </p>
      {changes.length === 0 ? (
        <p data-testid="preview-none">Nothing would change on the stored telemetry.</p>
      ) : (
        <>
          <p data-testid="preview-count">
            {formatCount(changes.length)} change{changes.length === 1 ? "" : "s"}:
          </p>
          <ul className="preview-list" data-testid="preview-changes">
            {changes.slice(0, SHOWN).map((c) => (
              <li key={`${c.kind}:${c.target.type}:${c.target.id}`}>
                {c.target.type} {targetLink(c)} <strong>{WHAT[c.kind]}</strong>: <span className="muted">{c.detail}</span>
              </li>
            ))}
          </ul>
          {changes.length > SHOWN ? <p className="muted">…and {formatCount(changes.length - SHOWN)} more.</p> : null}
        </>
      )}
    </>
  );
}

async function RetentionChange({ db, current, next }: { db: DbHandle; current: number; next: number }) {
  const now = new Date();
  const [before, after] = await Promise.all([countExecutionsOlderThan(db, current, now), countExecutionsOlderThan(db, next, now)]);
  return (
    <p data-testid="preview-retention">
      Cleanup would fold and delete {formatCount(after)} stored execution{after === 1 ? "" : "s"} older than {next} days (now {formatCount(before)} older than {current} days).
    </p>
  );
}

function ScheduleChange({ expression }: { expression: string }) {
  const parsed = parseCron(expression);
  const runs = "cron" in parsed ? parsed.cron.nextRuns(3) : [];
  return (
    <p data-testid="preview-schedule">
      The job would next come due at: {runs.map((d) => formatDateTime(d)).join(", ")}.
    </p>
  );
}

export async function PreviewPanel({ db, settingKey, current, next }: { db: DbHandle; settingKey: keyof Settings; current: Settings; next: Settings }) {
  const { label, group } = SETTING_LABELS[settingKey];
  const value = showSetting(next[settingKey]);
  const same = current[settingKey] === next[settingKey];
  return (
    <section className="panel" id="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">
        Preview: {label} from <span className="mono">{showSetting(current[settingKey])}</span> to <span className="mono">{value}</span>
      </h2>
      {same ? <p>This is the value in force already.</p> : null}
      {!same && group === "detectors" ? <DetectorChanges db={db} current={current} next={next} /> : null}
      {!same && group === "retention" ? <RetentionChange db={db} current={current.retentionDays} next={next.retentionDays} /> : null}
      {!same && group === "schedules" ? <ScheduleChange expression={String(next[settingKey])} /> : null}
      {same ? null : <SaveSettingForm settingKey={settingKey} value={value} label={label} />}
      <p>
        <Link href="/settings">Cancel</Link>
      </p>
    </section>
  );
}
