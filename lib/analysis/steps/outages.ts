// AUTO-005 outage detection, the first step: judges the (source, 30-minute) cells the new runs fell in
// and keeps the outage cells, so quarantine and evolution leave the runs inside outages out.
import { cellKey, OUTAGE_BUCKET_MS } from "../../detectors/outages";
import { persistOutages, runOutages } from "../outages";
import type { AnalysisStep } from "../types";

export const outagesStep: AnalysisStep = {
  name: "AUTO-005 outages",
  run: async (ctx) => {
    const o = await runOutages(ctx);
    // new: outage cells that were not outages already (a cell judged again because late runs came is not news)
    const before = new Set(o.rejudged);
    const found = o.judged.filter((c) => c.outage && !before.has(cellKey(c.source, c.bucket)));
    const findings = o.windows
      .filter((w) => found.some((c) => c.source === w.source && c.bucket * OUTAGE_BUCKET_MS < w.end && (c.bucket + 1) * OUTAGE_BUCKET_MS > w.start))
      .map((w) => `outage on ${w.source ?? "(no source)"} ${new Date(w.start).toISOString()} – ${new Date(w.end).toISOString()}: ${w.patternsFailing} of ${w.patternsActive} patterns failing; their runs there count against none of them`);
    return { counts: { outageCells: found.length }, findings, persist: (tx) => persistOutages(tx, o, ctx) };
  },
};
