"use client";
// A week's executions per day as a tiny line for the reports list; prepare-sparkline.ts decides the points.
import { Line, LineChart } from "recharts";
import type { SparkPoint } from "./prepare-sparkline";

export function SparklineChart({ points, label }: { points: SparkPoint[]; label: string }) {
  return (
    <span className="sparkline" role="img" aria-label={label}>
      <LineChart width={120} height={28} data={points} margin={{ top: 3, right: 2, bottom: 3, left: 2 }}>
        <Line dataKey="executions" stroke="#4f46e5" strokeWidth={1.5} dot={false} connectNulls={false} isAnimationActive={false} />
      </LineChart>
    </span>
  );
}
