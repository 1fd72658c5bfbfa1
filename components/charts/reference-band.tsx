import { ReferenceArea } from 'recharts';

/** One value on a day, as a line chart plots it. */
export type ValuePoint = { label: string; value: number };

/** A reference band from published norms: shaded behind the line, never drawn as a target. `high: null` is open-ended. */
export type ChartReference = { low: number; high: number | null; label: string };

const TONES = {
  patient: { fill: '#22c55e', stroke: '#15803d', text: '#166534' },
  clinician: { fill: '#14b8a6', stroke: '#0f766e', text: '#115e59' },
} as const;

/**
 * The band as a chart child, up to `top` when open-ended. Called as a function, not rendered as a
 * component, so the chart receives the ReferenceArea itself.
 */
export function referenceBand(reference: ChartReference, top: number, tone: keyof typeof TONES) {
  const colours = TONES[tone];
  return (
    <ReferenceArea
      y1={reference.low}
      y2={reference.high ?? top}
      fill={colours.fill}
      fillOpacity={0.15}
      stroke={colours.stroke}
      strokeOpacity={0.4}
      ifOverflow="hidden"
      label={{ value: reference.label, position: 'insideTopLeft', fill: colours.text, fontSize: 12 }}
    />
  );
}
