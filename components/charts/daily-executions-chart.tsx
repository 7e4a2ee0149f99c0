"use client";
// Renders the prepared daily series; all decisions about buckets and gaps live in prepare-daily-executions.ts.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DailyChartPoint } from "./prepare-daily-executions";

export function DailyExecutionsChart({ points }: { points: DailyChartPoint[] }) {
  return (
    <div className="chart" role="img" aria-label="Executions per day, successes and failures">
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e5e7eb" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={16} />
          <YAxis tick={{ fontSize: 11 }} allowDecimals={false} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="successes" name="Succeeded" stackId="a" fill="#16a34a" isAnimationActive={false} />
          <Bar dataKey="failures" name="Failed" stackId="a" fill="#dc2626" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
