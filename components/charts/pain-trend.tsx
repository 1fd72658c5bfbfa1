'use client';

export type PainTrendPoint = { label: string; score: number | null; average: number | null };

const HEIGHT = 240;
const TOP = 10;
const BOTTOM = 26;
const PLOT = HEIGHT - TOP - BOTTOM;
const Y_TICKS = [0, 2, 4, 6, 8, 10];

const y = (score: number) => Math.round((TOP + PLOT - (score / 10) * PLOT) * 10) / 10;

/** Up to `count` evenly spread indices, always the first and the last. */
export function labelIndices(length: number, count = 5): number[] {
  if (length <= 0) return [];
  if (length <= count) return Array.from({ length }, (_, i) => i);
  const step = (length - 1) / (count - 1);
  return [...new Set(Array.from({ length: count }, (_, i) => Math.round(i * step)))];
}

/**
 * The patient's pain chart as plain SVG: dots for each day's highest score, a line for the 7-day average,
 * the starting level dashed and the "meaningful improvement" zone shaded. No chart library: it is in the
 * page's HTML, where drawing it with Recharts on a phone kept the main thread busy for most of a second
 * (docs/PERFORMANCE.md). A client component, so the page carries the points as data rather than
 * a hundred SVG elements, and the server draws it once; hydrating it is a few milliseconds.
 * Horizontal positions are percentages, so it fills any width with round dots and unscaled text; the
 * numbers are in the table beside it.
 */
export function PainTrend({ points, baseline, meaningfulLevel }: { points: PainTrendPoint[]; baseline: number | null; meaningfulLevel: number | null }) {
  const last = Math.max(points.length - 1, 1);
  const x = (index: number) => `${points.length === 1 ? 50 : Math.round((index / last) * 1000) / 10}%`;
  const averages = points.flatMap((point, index) => (point.average === null ? [] : [{ index, average: point.average }]));
  const labels = labelIndices(points.length);
  const describedLevel = meaningfulLevel === null ? '' : `; the shaded band is ${meaningfulLevel} or below, a meaningful improvement`;
  return (
    <div className="flex text-slate-700" style={{ height: HEIGHT }}>
      <svg width="28" height={HEIGHT} aria-hidden="true" className="shrink-0">
        {Y_TICKS.map((tick) => (
          <text key={tick} x="22" y={y(tick) + 4} textAnchor="end" fontSize="12" fill="#334155">
            {tick}
          </text>
        ))}
      </svg>
      <svg
        width="100%"
        height={HEIGHT}
        role="img"
        aria-label={`Pain chart: highest pain each day as dots and the 7-day average as a line, from ${points[0]?.label ?? ''} to ${points.at(-1)?.label ?? ''}, on a scale of 0 to 10${baseline === null ? '' : `; you started at ${baseline}`}${describedLevel}.`}
        className="min-w-0 flex-1 overflow-visible"
      >
        {meaningfulLevel !== null ? <rect x="0" width="100%" y={y(meaningfulLevel)} height={y(0) - y(meaningfulLevel)} fill="#16a34a" fillOpacity="0.12" /> : null}
        {Y_TICKS.map((tick) => (
          <line key={tick} x1="0" x2="100%" y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" />
        ))}
        {baseline !== null ? (
          <>
            <line x1="0" x2="100%" y1={y(baseline)} y2={y(baseline)} stroke="#b45309" strokeDasharray="6 4" />
            <text x="100%" dx="-4" y={y(baseline) - 5} textAnchor="end" fontSize="13" fill="#92400e">
              Start
            </text>
          </>
        ) : null}
        {averages.slice(1).map((point, i) => (
          <line key={point.index} x1={x(averages[i]!.index)} y1={y(averages[i]!.average)} x2={x(point.index)} y2={y(point.average)} stroke="#0f766e" strokeWidth="3" strokeLinecap="round" />
        ))}
        {points.map((point, index) =>
          point.score === null ? null : <circle key={index} cx={x(index)} cy={y(point.score)} r="4" fill="#64748b" />,
        )}
        <line x1="0" x2="100%" y1={y(0)} y2={y(0)} stroke="#94a3b8" />
        {labels.map((index) => (
          <text
            key={index}
            x={x(index)}
            y={HEIGHT - 6}
            fontSize="12"
            fill="#334155"
            textAnchor={points.length > 1 && index === 0 ? 'start' : points.length > 1 && index === points.length - 1 ? 'end' : 'middle'}
          >
            {points[index]!.label}
          </text>
        ))}
      </svg>
    </div>
  );
}
