'use client';

import { StaffChartFrame } from './staff-chart-frame';
import { ScoreLinesChart, type ScoreLinesPoint } from './score-lines-chart';

/** A questionnaire score (or several lines, one per PSFS activity) on the clinician's record, with its summary and table. */
export function ClinicianScoreChart({
  title,
  summary,
  points,
  series,
  domain,
  reference = null,
}: {
  title: string;
  summary: string;
  points: ScoreLinesPoint[];
  series: { key: string; name: string }[];
  domain: [number, number];
  reference?: { y: number; label: string } | null;
}) {
  return (
    <StaffChartFrame
      title={title}
      summary={summary}
      table={{
        columns: ['Date', ...series.map((line) => line.name)],
        rows: points.map((point) => [point.label, ...series.map((line) => point[line.key] ?? '—')]),
      }}
    >
      <ScoreLinesChart points={points} series={series} domain={domain} reference={reference} height="100%" />
    </StaffChartFrame>
  );
}
