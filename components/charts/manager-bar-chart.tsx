'use client';

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { StaffChartFrame } from './staff-chart-frame';
import { AXIS_TICK } from './staff-line-chart';

export type BarDatum = { label: string; value: number | null; display: string };

/**
 * A labelled bar chart with a text summary and the same numbers as a table. Bars for groups that are
 * "too few to report" are left out of the drawing and say so in the table.
 */
export function ManagerBarChart({
  title,
  summary,
  valueLabel,
  data,
  unit = '',
  domain,
}: {
  title: string;
  summary: string;
  valueLabel: string;
  data: BarDatum[];
  unit?: string;
  domain?: [number, number];
}) {
  const drawn = data.map((datum) => ({ label: datum.label, value: datum.value }));
  // Bars start at zero: an axis that starts elsewhere exaggerates differences.
  const values = data.flatMap((datum) => (datum.value === null ? [] : [datum.value]));
  const [low, high] = domain ?? [Math.min(0, Math.floor(Math.min(...values, 0))), Math.max(0, Math.ceil(Math.max(...values, 0)))];
  return (
    <StaffChartFrame title={title} summary={summary} height="h-60" table={{ columns: ['Group', valueLabel], rows: data.map((datum) => [datum.label, datum.display]) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={drawn} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} interval={0} />
          <YAxis tick={AXIS_TICK} domain={[low, high]} unit={unit} width={48} />
          <ReferenceLine y={0} stroke="#475569" />
          <Tooltip formatter={(value) => [`${value}${unit}`, valueLabel]} />
          <Bar dataKey="value" name={valueLabel} fill="#0f766e" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </StaffChartFrame>
  );
}
