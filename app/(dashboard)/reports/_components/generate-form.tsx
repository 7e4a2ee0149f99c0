// The admin form that generates a week's report, or regenerates a stored one: a plain form post to a
// server action (works without JavaScript); the week and source travel in hidden fields.
import { generateWeeklyReportAction } from "@/lib/actions/reports/generate-weekly-report";

export function GenerateForm({ week, source, stored }: { week: string | null; source: string | null; stored: boolean }) {
  // role: admin once sign-in lands (issue 11): only admins see and may post this form
  const label = week ? `${stored ? "Regenerate" : "Generate"} ${week}` : "Generate a week";
  return (
    <form action={generateWeeklyReportAction} className="lift-form" aria-label={label}>
      {week ? <input type="hidden" name="week" value={week} /> : <input name="week" aria-label="Week" placeholder="YYYY-Www" required pattern="\d{4}-W\d{2}" maxLength={8} />}
      <input type="hidden" name="source" value={source ?? ""} />
      <input type="hidden" name="regenerate" value={stored ? "1" : "0"} />
      <input name="by" placeholder="Your name" aria-label="Your name" required maxLength={200} />
      <button type="submit" className="button small">
        {week ? `${stored ? "Regenerate" : "Generate"} this week` : "Generate"}
      </button>
    </form>
  );
}
