"use client";
// Renders the busiest patterns of a period as horizontal bars (prepare-top-patterns.ts picks and labels them).
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TopPatternBar } from "./prepare-top-patterns";

export function TopPatternsChart({ bars, label }: { bars: TopPatternBar[]; label: string }) {
  return (
    <div className="chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={Math.max(120, bars.length * 30 + 30)}>
        <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e5e7eb" />
          <XAxis type="number" tick={{ fontSize: 11 }} allowDecimals={false} />
          <YAxis type="category" dataKey="label" tick={{ fontSize: 11 }} width={150} />
          <Tooltip />
          <Bar dataKey="runs" name="Runs" fill="#4f46e5" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
