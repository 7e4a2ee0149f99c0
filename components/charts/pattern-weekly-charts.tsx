"use client";
// Renders a pattern's weekly success rate and mean duration, with a mark on the week it began degrading
// (AUTO-007). prepare-pattern-weekly.ts decides the weeks, the gaps and where the mark goes.
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { PatternWeekly } from "./prepare-pattern-weekly";

function WeeklyLine({ weekly, dataKey, name, unit, color, domain }: { weekly: PatternWeekly; dataKey: "successRate" | "meanSeconds"; name: string; unit: string; color: string; domain?: [number, number] }) {
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart data={weekly.points} margin={{ top: 16, right: 12, bottom: 0, left: -12 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e5e7eb" />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={12} />
        <YAxis tick={{ fontSize: 11 }} unit={unit} domain={domain ?? [0, "auto"]} width={56} />
        <Tooltip />
        {weekly.degradingLabel ? <ReferenceLine x={weekly.degradingLabel} stroke="#d97706" strokeDasharray="4 2" label={{ value: "degrading", position: "insideTopRight", fontSize: 11, fill: "#b45309" }} /> : null}
        <Line dataKey={dataKey} name={name} unit={unit} stroke={color} strokeWidth={2} dot={{ r: 2 }} connectNulls={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function PatternWeeklyCharts({ weekly, name }: { weekly: PatternWeekly; name: string }) {
  return (
    <div className="chart-pair">
      <figure className="chart" role="img" aria-label={`${name}: success rate per week`}>
        <figcaption>Success rate per week</figcaption>
        <WeeklyLine weekly={weekly} dataKey="successRate" name="Success rate" unit="%" color="#16a34a" domain={[0, 100]} />
      </figure>
      <figure className="chart" role="img" aria-label={`${name}: mean duration per week`}>
        <figcaption>Mean duration per week</figcaption>
        <WeeklyLine weekly={weekly} dataKey="meanSeconds" name="Mean duration" unit=" s" color="#4f46e5" />
      </figure>
    </div>
  );
}
