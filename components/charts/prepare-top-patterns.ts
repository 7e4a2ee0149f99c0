// Decides the overview's top-patterns chart: the busiest patterns of the period as bars of runs, names
// shortened for the axis (the table beside it keeps the full name), the success rate in the tooltip.
export interface TopPatternBar {
  patternId: string;
  label: string;
  runs: number;
  successRate: number;
}

export function shortName(name: string, max = 24): string {
  const chars = [...name];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : name;
}

export function prepareTopPatterns(rows: ReadonlyArray<{ patternId: string; name: string; runs: number; successRate: number }>, limit = 8): TopPatternBar[] {
  return rows
    .filter((r) => r.runs > 0)
    .slice(0, limit)
    .map((r) => ({ patternId: r.patternId, label: shortName(r.name), runs: r.runs, successRate: Math.round(r.successRate * 1000) / 10 }));
}
