'use client';

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type ScoreLinesPoint = { label: string } & Record<string, string | number | null>;

// Distinguishable for colour-blind readers (Okabe-Ito) and each at least 3:1 against white.
const COLOURS = ['#0f766e', '#b45309', '#1d4ed8', '#be185d', '#4d7c0f'];

/**
 * One or more scores over time (Roland-Morris; each PSFS activity), with an optional dashed level such as
 * the meaningful-improvement line. The summary and the table beside it carry the same numbers in words.
 */
export function ScoreLinesChart({
  points,
  series,
  domain,
  reference = null,
  height = 220,
}: {
  points: ScoreLinesPoint[];
  series: { key: string; name: string }[];
  domain: [number, number];
  reference?: { y: number; label: string } | null;
  height?: number | `${number}%`;
}) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: -20 }} accessibilityLayer>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#334155' }} minTickGap={24} />
        <YAxis domain={domain} allowDecimals={false} tick={{ fontSize: 12, fill: '#334155' }} />
        <Tooltip />
        {reference ? (
          <ReferenceLine y={reference.y} stroke="#15803d" strokeDasharray="6 4" label={{ value: reference.label, position: 'insideTopRight', fill: '#166534', fontSize: 12 }} />
        ) : null}
        {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
        {series.map((line, index) => (
          <Line
            key={line.key}
            dataKey={line.key}
            name={line.name}
            stroke={COLOURS[index % COLOURS.length]}
            strokeWidth={3}
            dot={{ r: 4 }}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
