'use client';

import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { referenceBand, type ChartReference, type ValuePoint } from './reference-band';

/** One measurement over time, with the typical range for adults shaded behind it when there is one. */
export function MeasureChart({ points, reference }: { points: ValuePoint[]; reference: ChartReference | null }) {
  const values = points.map((point) => point.value);
  const top = Math.ceil((Math.max(...values, reference?.high ?? reference?.low ?? 0) * 1.1) / 10) * 10;
  const bottom = Math.min(0, ...values);
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -20 }} accessibilityLayer>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        {reference ? referenceBand(reference, top, 'patient') : null}
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#334155' }} minTickGap={24} />
        <YAxis domain={[bottom, top]} tick={{ fontSize: 12, fill: '#334155' }} />
        <Line dataKey="value" stroke="#0f766e" strokeWidth={3} dot={{ r: 4 }} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
