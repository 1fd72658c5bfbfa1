'use client';

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';

export type MeasureChartPoint = { label: string; value: number };

/** One measurement over time, with the typical normal value as a dashed reference line when there is one. */
export function MeasureChart({ points, normal, unit }: { points: MeasureChartPoint[]; normal: number | null; unit: string }) {
  const values = points.map((point) => point.value);
  const top = Math.max(...values, normal ?? 0);
  const bottom = Math.min(0, ...values);
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -20 }} accessibilityLayer>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        {normal !== null ? (
          <ReferenceLine y={normal} stroke="#15803d" strokeDasharray="6 4" label={{ value: `Typical ${normal}${unit}`, position: 'insideBottomRight', fill: '#166534', fontSize: 12 }} />
        ) : null}
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#334155' }} minTickGap={24} />
        <YAxis domain={[bottom, Math.ceil((top * 1.1) / 10) * 10]} tick={{ fontSize: 12, fill: '#334155' }} />
        <Line dataKey="value" stroke="#0f766e" strokeWidth={3} dot={{ r: 4 }} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
