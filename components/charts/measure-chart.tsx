'use client';

import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, XAxis, YAxis } from 'recharts';

export type MeasureChartPoint = { label: string; value: number };
/** A reference band from published norms; `high: null` is open-ended. */
export type MeasureChartReference = { low: number; high: number | null; label: string };

/** One measurement over time, with the typical range for adults shaded behind it when there is one. */
export function MeasureChart({ points, reference }: { points: MeasureChartPoint[]; reference: MeasureChartReference | null }) {
  const values = points.map((point) => point.value);
  const top = Math.ceil((Math.max(...values, reference?.high ?? reference?.low ?? 0) * 1.1) / 10) * 10;
  const bottom = Math.min(0, ...values);
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -20 }} accessibilityLayer>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        {reference ? (
          <ReferenceArea
            y1={reference.low}
            y2={reference.high ?? top}
            fill="#22c55e"
            fillOpacity={0.15}
            stroke="#15803d"
            strokeOpacity={0.4}
            ifOverflow="hidden"
            label={{ value: reference.label, position: 'insideTopLeft', fill: '#166534', fontSize: 12 }}
          />
        ) : null}
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#334155' }} minTickGap={24} />
        <YAxis domain={[bottom, top]} tick={{ fontSize: 12, fill: '#334155' }} />
        <Line dataKey="value" stroke="#0f766e" strokeWidth={3} dot={{ r: 4 }} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
