'use client';

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { StaffChartFrame } from './staff-chart-frame';
import { AXIS_TICK } from './staff-line-chart';

export type AdherenceChartPoint = { label: string; percent: number; logged: number; prescribed: number };

export function ClinicianAdherenceChart({ points, summary }: { points: AdherenceChartPoint[]; summary: string }) {
  return (
    <StaffChartFrame
      title="Weekly exercise adherence (%)"
      summary={summary}
      table={{ columns: ['Week', 'Adherence %', 'Sessions logged', 'Sessions prescribed'], rows: points.map((point) => [point.label, point.percent, point.logged, point.prescribed]) }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} accessibilityLayer margin={{ top: 5, right: 10, bottom: 5, left: -15 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={AXIS_TICK} />
          <Tooltip />
          <ReferenceLine y={50} stroke="#b45309" strokeDasharray="6 4" label={{ value: '50%', position: 'insideTopRight', fontSize: 12, fill: '#92400e' }} />
          <Bar dataKey="percent" name="Adherence %" fill="#0f766e" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </StaffChartFrame>
  );
}
