// Decides the report page's time-saved chart: the patterns that saved most, in hours, names shortened
// for the axis (the full name stays in the tooltip and in the table below the chart).
import type { PatternUse } from "@/lib/reports/types";

export interface TimeSavedBar {
  patternId: string;
  name: string;
  label: string;
  hours: number;
}

export function prepareTimeSaved(patterns: readonly PatternUse[], limit = 8): TimeSavedBar[] {
  return patterns
    .filter((p) => p.baselineDurationMs !== null)
    .slice(0, limit)
    .map((p) => ({ patternId: p.patternId, name: p.name, label: p.name.length > 28 ? `${p.name.slice(0, 27)}…` : p.name, hours: Math.round((p.timeSavedMs / 3_600_000) * 100) / 100 }));
}
