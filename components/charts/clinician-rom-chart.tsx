'use client';

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ClinicianChartFrame } from './clinician-chart-frame';

export type RomChartPoint = { label: string; value: number };

export function ClinicianRomChart({
  title,
  unit,
  points,
  normal,
  domain,
  summary,
}: {
  title: string;
  unit: string;
  points: RomChartPoint[];
  normal: number | null;
  domain: [number, number];
  summary: string;
}) {
  return (
    <ClinicianChartFrame title={title} summary={summary} table={{ columns: ['Date', `Value (${unit})`], rows: points.map((point) => [point.label, point.value]) }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} accessibilityLayer margin={{ top: 5, right: 10, bottom: 5, left: -15 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#334155' }} />
          <YAxis domain={domain} tick={{ fontSize: 12, fill: '#334155' }} />
          <Tooltip />
          {normal !== null ? (
            <ReferenceLine y={normal} stroke="#0f766e" strokeDasharray="6 4" label={{ value: `Typical ${normal}${unit}`, position: 'insideBottomRight', fontSize: 12, fill: '#115e59' }} />
          ) : null}
          <Line type="linear" dataKey="value" name={title} stroke="#1e293b" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ClinicianChartFrame>
  );
}
