'use client';

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AfterHydration } from './after-hydration';

export type CohortDatum = { month: string; latest: number | null; discharge: number | null; latestDisplay: string; dischargeDisplay: string };

/** Mean pain change by month of intake: months that are too few to report are gaps, not zeros. */
export function ManagerCohortChart({ title, summary, data }: { title: string; summary: string; data: CohortDatum[] }) {
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-4">
      <figcaption className="text-lg font-semibold">{title}</figcaption>
      <p className="mt-1 text-sm text-slate-700">{summary}</p>
      <div className="mt-3 h-64">
        <AfterHydration>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer>
              <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
              <XAxis dataKey="month" tick={{ fill: '#334155', fontSize: 12 }} />
              <YAxis tick={{ fill: '#334155', fontSize: 12 }} width={40} />
              <ReferenceLine y={0} stroke="#475569" />
              <Tooltip />
              <Legend wrapperStyle={{ color: '#334155' }} />
              <Line type="monotone" dataKey="discharge" name="To discharge" stroke="#0f766e" strokeWidth={2} dot={{ r: 4 }} connectNulls={false} isAnimationActive={false} />
              <Line type="monotone" dataKey="latest" name="To latest (active)" stroke="#7c3aed" strokeWidth={2} strokeDasharray="6 3" dot={{ r: 4, strokeDasharray: '0' }} connectNulls={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </AfterHydration>
      </div>
      <details className="mt-2">
        <summary className="min-h-11 cursor-pointer py-2 text-sm font-semibold text-brand-800">Show the numbers as a table</summary>
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1 pr-4 font-semibold">Month of intake</th>
              <th scope="col" className="py-1 pr-4 font-semibold">To discharge</th>
              <th scope="col" className="py-1 font-semibold">To latest (active)</th>
            </tr>
          </thead>
          <tbody>
            {data.map((datum) => (
              <tr key={datum.month} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-4 font-normal">{datum.month}</th>
                <td className="py-1 pr-4">{datum.dischargeDisplay}</td>
                <td className="py-1">{datum.latestDisplay}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
