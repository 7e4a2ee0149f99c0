"use client";
// Renders the patterns that saved most time this week, in hours; prepare-time-saved.ts decides the bars.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TimeSavedBar } from "./prepare-time-saved";

export function TimeSavedChart({ bars }: { bars: TimeSavedBar[] }) {
  return (
    <div className="chart" role="img" aria-label="Hours saved per pattern">
      <ResponsiveContainer width="100%" height={Math.max(120, 34 * bars.length + 40)}>
        <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e5e7eb" />
          <XAxis type="number" unit=" h" tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="label" width={190} tick={{ fontSize: 11 }} />
          <Tooltip labelFormatter={(_, payload) => String(payload?.[0]?.payload?.name ?? "")} />
          <Bar dataKey="hours" name="Hours saved" fill="#16a34a" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
