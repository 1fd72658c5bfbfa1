'use client';

import { Line } from 'recharts';
import { StaffChartFrame } from './staff-chart-frame';
import { StaffLineChart } from './staff-line-chart';
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
    <StaffChartFrame title={title} summary={summary} table={{ columns: ['Date', `Value (${unit})`], rows: points.map((point) => [point.label, point.value]) }}>
      <StaffLineChart points={points} yAxis={{ domain: [domain[0], top] }}>
        {reference ? referenceBand(reference, top, 'clinician') : null}
        <Line type="linear" dataKey="value" name={title} stroke="#1e293b" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
      </StaffLineChart>
    </StaffChartFrame>
  );
}
