'use client';

import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ClinicianChartFrame } from './clinician-chart-frame';

export type RomChartPoint = { label: string; value: number };
/** A reference band from published norms: shaded, never drawn as a target line. `high: null` is open-ended. */
export type RomChartReference = { low: number; high: number | null; label: string };

export function ClinicianRomChart({
  title,
  unit,
  points,
  reference,
  domain,
  summary,
}: {
  title: string;
  unit: string;
  points: RomChartPoint[];
  reference: RomChartReference | null;
  domain: [number, number];
  summary: string;
}) {
  const top = Math.max(domain[1], reference?.high ?? reference?.low ?? domain[1]);
  return (
    <ClinicianChartFrame title={title} summary={summary} table={{ columns: ['Date', `Value (${unit})`], rows: points.map((point) => [point.label, point.value]) }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} accessibilityLayer margin={{ top: 5, right: 10, bottom: 5, left: -15 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#334155' }} />
          <YAxis domain={[domain[0], top]} tick={{ fontSize: 12, fill: '#334155' }} />
          <Tooltip />
          {reference ? (
            <ReferenceArea
              y1={reference.low}
              y2={reference.high ?? top}
              fill="#14b8a6"
              fillOpacity={0.15}
              stroke="#0f766e"
              strokeOpacity={0.4}
              ifOverflow="hidden"
              label={{ value: reference.label, position: 'insideTopLeft', fontSize: 12, fill: '#115e59' }}
            />
          ) : null}
          <Line type="linear" dataKey="value" name={title} stroke="#1e293b" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ClinicianChartFrame>
  );
}
