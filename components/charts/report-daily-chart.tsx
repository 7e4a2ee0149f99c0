"use client";
// Renders a report week's runs (bars) and success rate (line) per day; prepare-report-daily.ts decides the points.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ReportDayPoint } from "./prepare-report-daily";

export function ReportDailyChart({ points }: { points: ReportDayPoint[] }) {
  return (
    <div className="chart" role="img" aria-label="Executions and success rate per day of the week">
      <ResponsiveContainer width="100%" height={240}>
        <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e5e7eb" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} />
          <YAxis yAxisId="runs" tick={{ fontSize: 11 }} allowDecimals={false} />
          <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} unit="%" tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="runs" dataKey="executions" name="Executions" fill="#4f46e5" isAnimationActive={false} />
          <Line yAxisId="rate" dataKey="successRate" name="Success %" stroke="#16a34a" strokeWidth={2} connectNulls={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
