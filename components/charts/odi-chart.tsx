'use client';

import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, XAxis, YAxis } from 'recharts';

export type OdiChartPoint = { label: string; score: number };
export type ChartBand = { from: number; to: number; label: string; color: string };

/** ODI over time on 0–100 with its bands shaded behind the line (lower is better). */
export function OdiChart({ points, bands }: { points: OdiChartPoint[]; bands: ChartBand[] }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -20 }} accessibilityLayer>
        {bands.map((band) => (
          <ReferenceArea key={band.label} y1={band.from} y2={band.to} fill={band.color} fillOpacity={0.14} label={{ value: band.label, position: 'insideLeft', fontSize: 11, fill: '#334155' }} />
        ))}
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#334155' }} />
        <YAxis domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} tick={{ fontSize: 12, fill: '#334155' }} />
        <Line dataKey="score" stroke="#0f766e" strokeWidth={3} dot={{ r: 5 }} isAnimationActive={false} name="Disability score %" />
      </LineChart>
    </ResponsiveContainer>
  );
}
