'use client';

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AfterHydration } from './after-hydration';
import { NumbersDisclosure } from './numbers-disclosure';

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
    <figure className="rounded-xl border border-slate-200 bg-white p-4">
      <figcaption className="text-lg font-semibold">{title}</figcaption>
      <p className="mt-1 text-sm text-slate-700">{summary}</p>
      <div className="mt-3 h-60">
        <AfterHydration>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={drawn} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer>
              <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" vertical={false} />
              <XAxis dataKey="label" tick={{ fill: '#334155', fontSize: 12 }} interval={0} />
              <YAxis tick={{ fill: '#334155', fontSize: 12 }} domain={[low, high]} unit={unit} width={48} />
              <ReferenceLine y={0} stroke="#475569" />
              <Tooltip formatter={(value) => [`${value}${unit}`, valueLabel]} />
              <Bar dataKey="value" name={valueLabel} fill="#0f766e" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </AfterHydration>
      </div>
      <NumbersDisclosure title={title} columns={['Group', valueLabel]} rows={data.map((datum) => [datum.label, datum.display])} size="compact" />
    </figure>
  );
}
