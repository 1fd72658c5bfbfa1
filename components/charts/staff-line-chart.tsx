'use client';

import type { ReactNode } from 'react';
import { CartesianGrid, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type XAxisProps, type YAxisProps } from 'recharts';

/** Axis text: 12 px, slate-700, readable against white. */
export const AXIS_TICK = { fontSize: 12, fill: '#334155' } as const;

/**
 * The clinician record's line chart over dated points (`label`): grid, both axes and tooltip. The lines
 * (and any reference lines, bands or legend) are the children; `behind` is drawn under the grid.
 */
export function StaffLineChart<Point extends { label: string }>({
  points,
  xAxis,
  yAxis,
  behind,
  children,
}: {
  points: Point[];
  xAxis?: Omit<XAxisProps, 'ref'>;
  yAxis?: Omit<YAxisProps, 'ref'>;
  behind?: ReactNode;
  children: ReactNode;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} accessibilityLayer margin={{ top: 5, right: 10, bottom: 5, left: -15 }}>
        {behind}
        <CartesianGrid stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={AXIS_TICK} {...xAxis} />
        <YAxis tick={AXIS_TICK} {...yAxis} />
        <Tooltip />
        {children}
      </LineChart>
    </ResponsiveContainer>
  );
}
