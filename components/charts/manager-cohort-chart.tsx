'use client';

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { StaffChartFrame } from './staff-chart-frame';
import { AXIS_TICK } from './staff-line-chart';

export type CohortDatum = { month: string; latest: number | null; discharge: number | null; latestDisplay: string; dischargeDisplay: string };

/** Mean pain change by month of intake: months that are too few to report are gaps, not zeros. */
export function ManagerCohortChart({ title, summary, data }: { title: string; summary: string; data: CohortDatum[] }) {
  return (
    <StaffChartFrame
      title={title}
      summary={summary}
      height="h-64"
      table={{
        columns: ['Month of intake', 'To discharge', 'To latest (active)'],
        rows: data.map((datum) => [datum.month, datum.dischargeDisplay, datum.latestDisplay]),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
          <XAxis dataKey="month" tick={AXIS_TICK} />
          <YAxis tick={AXIS_TICK} width={40} />
          <ReferenceLine y={0} stroke="#475569" />
          <Tooltip />
          <Legend wrapperStyle={{ color: '#334155' }} />
          <Line type="monotone" dataKey="discharge" name="To discharge" stroke="#0f766e" strokeWidth={2} dot={{ r: 4 }} connectNulls={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="latest" name="To latest (active)" stroke="#7c3aed" strokeWidth={2} strokeDasharray="6 3" dot={{ r: 4, strokeDasharray: '0' }} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </StaffChartFrame>
  );
}
