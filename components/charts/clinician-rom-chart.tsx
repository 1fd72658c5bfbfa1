'use client';

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ClinicianChartFrame } from './clinician-chart-frame';
import { referenceBand, type ChartReference, type ValuePoint } from './reference-band';

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
  points: ValuePoint[];
  reference: ChartReference | null;
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
          {reference ? referenceBand(reference, top, 'clinician') : null}
          <Line type="linear" dataKey="value" name={title} stroke="#1e293b" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ClinicianChartFrame>
  );
}
