'use client';

import { Line, ReferenceArea, ReferenceLine } from 'recharts';
import { StaffChartFrame } from './staff-chart-frame';
import { StaffLineChart } from './staff-line-chart';

export type OdiChartPoint = { label: string; score: number; band: string };

// Oswestry bands (Fairbank & Pynsent), lightest for the least disability.
const BANDS = [
  { from: 0, to: 20, fill: '#f0fdf4', label: 'Minimal' },
  { from: 20, to: 40, fill: '#fefce8', label: 'Moderate' },
  { from: 40, to: 60, fill: '#fff7ed', label: 'Severe' },
  { from: 60, to: 80, fill: '#fef2f2', label: 'Very severe' },
  { from: 80, to: 100, fill: '#fee2e2', label: 'Extreme' },
];

export function ClinicianOdiChart({ points, mcidLevel, summary }: { points: OdiChartPoint[]; mcidLevel: number | null; summary: string }) {
  return (
    <StaffChartFrame
      title="Oswestry Disability Index (%)"
      summary={summary}
      table={{ columns: ['Date', 'Score %', 'Band'], rows: points.map((point) => [point.label, point.score, point.band]) }}
    >
      <StaffLineChart
        points={points}
        yAxis={{ domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100] }}
        behind={BANDS.map((band) => (
          <ReferenceArea key={band.label} y1={band.from} y2={band.to} fill={band.fill} fillOpacity={1} ifOverflow="hidden" />
        ))}
      >
        {mcidLevel !== null ? (
          <ReferenceLine y={mcidLevel} stroke="#115e59" strokeDasharray="6 4" label={{ value: `MCID ${mcidLevel}`, position: 'insideTopRight', fontSize: 12, fill: '#115e59' }} />
        ) : null}
        <Line type="linear" dataKey="score" name="ODI %" stroke="#1e293b" strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} />
      </StaffLineChart>
    </StaffChartFrame>
  );
}
