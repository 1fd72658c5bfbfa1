'use client';

import { Legend, Line } from 'recharts';
import { StaffChartFrame } from './staff-chart-frame';
import { StaffLineChart } from './staff-line-chart';

export type PainChartPoint = { day: string; label: string; score: number; average: number };

export function ClinicianPainChart({ points, summary }: { points: PainChartPoint[]; summary: string }) {
  return (
    <StaffChartFrame
      title="Pain (0–10)"
      summary={summary}
      table={{ columns: ['Day', 'Highest pain', '7-day average'], rows: points.map((point) => [point.label, point.score, point.average]) }}
    >
      <StaffLineChart points={points} xAxis={{ minTickGap: 24 }} yAxis={{ domain: [0, 10], ticks: [0, 2, 4, 6, 8, 10] }}>
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line type="linear" dataKey="score" name="Highest pain that day" stroke="#94a3b8" dot={{ r: 2 }} isAnimationActive={false} />
        <Line type="monotone" dataKey="average" name="7-day average" stroke="#0f766e" strokeWidth={3} dot={false} isAnimationActive={false} />
      </StaffLineChart>
    </StaffChartFrame>
  );
}
