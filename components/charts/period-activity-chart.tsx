"use client";
// Renders the overview's activity: successes and failures per day (stacked bars) and the success rate
// (line, right axis). Buckets and gaps are decided in prepare-period-activity.ts.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ActivityPoint } from "./prepare-period-activity";

export function PeriodActivityChart({ points, label }: { points: ActivityPoint[]; label: string }) {
  return (
    <div className="chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={points} margin={{ top: 8, right: 0, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e5e7eb" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={16} />
          <YAxis yAxisId="runs" tick={{ fontSize: 11 }} allowDecimals={false} />
          <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} unit="%" tick={{ fontSize: 11 }} width={44} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="runs" dataKey="successes" name="Succeeded" stackId="a" fill="#16a34a" isAnimationActive={false} />
          <Bar yAxisId="runs" dataKey="failures" name="Failed" stackId="a" fill="#dc2626" isAnimationActive={false} />
          <Line yAxisId="rate" dataKey="successRate" name="Success rate" unit="%" stroke="#4f46e5" strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
