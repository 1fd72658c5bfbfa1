'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ClinicianChartFrame } from './clinician-chart-frame';

export type PainChartPoint = { day: string; label: string; score: number; average: number };

export function ClinicianPainChart({ points, summary }: { points: PainChartPoint[]; summary: string }) {
  return (
    <ClinicianChartFrame
      title="Pain (0–10)"
      summary={summary}
      table={{ columns: ['Day', 'Highest pain', '7-day average'], rows: points.map((point) => [point.label, point.score, point.average]) }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} accessibilityLayer margin={{ top: 5, right: 10, bottom: 5, left: -15 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#334155' }} minTickGap={24} />
          <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} tick={{ fontSize: 12, fill: '#334155' }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line type="linear" dataKey="score" name="Highest pain that day" stroke="#94a3b8" dot={{ r: 2 }} isAnimationActive={false} />
          <Line type="monotone" dataKey="average" name="7-day average" stroke="#0f766e" strokeWidth={3} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ClinicianChartFrame>
  );
}
