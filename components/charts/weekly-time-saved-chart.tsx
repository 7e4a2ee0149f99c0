"use client";
// Renders time saved per week in hours (prepare-weekly-time-saved.ts decides weeks, partial weeks and gaps).
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { WeekBar } from "./prepare-weekly-time-saved";

export function WeeklyTimeSavedChart({ bars, label }: { bars: WeekBar[]; label: string }) {
  return (
    <div className="chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e5e7eb" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={8} />
          <YAxis tick={{ fontSize: 11 }} unit=" h" width={56} />
          <ReferenceLine y={0} stroke="#9ca3af" />
          <Tooltip />
          <Bar dataKey="hours" name="Time saved" unit=" h" fill="#0891b2" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
