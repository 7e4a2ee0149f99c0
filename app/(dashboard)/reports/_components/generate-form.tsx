// The admin form that generates a week's report, or regenerates a stored one: a plain form post to a
// server action (works without JavaScript); the week and source travel in hidden fields. Shown to admins only
// (the action checks again).
import { generateWeeklyReportAction } from "@/lib/actions/reports/generate-weekly-report";

export function GenerateForm({ week, source, stored }: { week: string | null; source: string | null; stored: boolean }) {
  const label = week ? `${stored ? "Regenerate" : "Generate"} ${week}` : "Generate a week";
  return (
    <form action={generateWeeklyReportAction} className="lift-form" aria-label={label}>
      {week ? <input type="hidden" name="week" value={week} /> : <input name="week" aria-label="Week" placeholder="YYYY-Www" required pattern="\d{4}-W\d{2}" maxLength={8} />}
      <input type="hidden" name="source" value={source ?? ""} />
      <input type="hidden" name="regenerate" value={stored ? "1" : "0"} />
      <button type="submit" className="button small">
        {week ? `${stored ? "Regenerate" : "Generate"} this week` : "Generate"}
      </button>
    </form>
  );
}
