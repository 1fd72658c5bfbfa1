'use client';

import { CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, XAxis, YAxis } from 'recharts';

export type PainChartPoint = { label: string; score: number | null; average: number | null };

/** Daily pain as dots, the 7-day average as a line, the starting level and the "meaningful improvement" zone shaded. */
export function PainChart({ points, baseline, meaningfulLevel }: { points: PainChartPoint[]; baseline: number | null; meaningfulLevel: number | null }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -20 }} accessibilityLayer>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        {meaningfulLevel !== null ? (
          <ReferenceArea y1={0} y2={meaningfulLevel} fill="#16a34a" fillOpacity={0.12} ifOverflow="hidden" />
        ) : null}
        {baseline !== null ? (
          <ReferenceLine y={baseline} stroke="#b45309" strokeDasharray="6 4" label={{ value: 'Start', position: 'insideTopRight', fill: '#92400e', fontSize: 13 }} />
        ) : null}
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#334155' }} minTickGap={24} />
        <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} tick={{ fontSize: 12, fill: '#334155' }} />
        <Scatter dataKey="score" fill="#64748b" isAnimationActive={false} name="Daily pain" />
        <Line dataKey="average" stroke="#0f766e" strokeWidth={3} dot={false} connectNulls isAnimationActive={false} name="7-day average" />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
