/**
 * CSV for the episode-level outcome export, with the definitions as `#` comment lines at the top.
 * Cells are written by lib/csv.ts (formula cells defused, semicolons quoted).
 */
import { roundHalfUp1 } from '@/lib/clinical/rounding';
import { DEFINITIONS } from './definitions';

export { csvCell, csvLine } from '@/lib/csv';

/** The comment block: what the file is, the filter, and every definition. */
export function csvPreamble(input: { clinicName: string; from: string; to: string; clinicianName: string | null; generatedAt: string }): string {
  const lines = [
    `Uplift episode outcomes — ${input.clinicName}`,
    `Episodes starting ${input.from} to ${input.to}${input.clinicianName ? `, clinician ${input.clinicianName}` : ', all clinicians'}. Generated ${input.generatedAt}.`,
    'Negative changes are improvements. Empty cells mean the score does not exist under the definitions below.',
    ...DEFINITIONS.map((definition) => `${definition.term}: ${definition.text}`),
  ];
  return lines.map((line) => `# ${line.replaceAll(/[\r\n]+/g, ' ')}\r\n`).join('');
}

export const EXPORT_COLUMNS = [
  'pseudonymous_id',
  'clinician',
  'intake_month',
  'status',
  'startback_risk',
  'baseline_pain_band',
  'nprs_baseline',
  'nprs_latest',
  'nprs_discharge',
  'nprs_mcid_latest',
  'nprs_mcid_discharge',
  'odi_baseline',
  'odi_latest',
  'odi_discharge',
  'odi_mcid_latest',
  'odi_mcid_discharge',
  'weeks_in_care',
  'adherence_percent',
  'adherent',
] as const;

export type ExportRow = {
  pseudonym: string;
  patientName: string | null;
  clinicianName: string;
  intakeMonth: string;
  status: string;
  risk: string | null;
  severity: string;
  nprsBaseline: number;
  nprsLatest: number | null;
  nprsDischarge: number | null;
  nprsMcidLatest: boolean;
  nprsMcidDischarge: boolean;
  odiBaseline: number | null;
  odiLatest: number | null;
  odiDischarge: number | null;
  odiMcidLatest: boolean;
  odiMcidDischarge: boolean;
  weeksInCare: number | null;
  adherence: number | null;
};

const oneDecimal = (value: number | null) => (value === null ? null : roundHalfUp1(value));

/** The patient's name appears only when clinic policy lets managers see identities. */
export function exportHeader(withNames: boolean): string[] {
  const columns: string[] = [...EXPORT_COLUMNS];
  if (withNames) columns.splice(1, 0, 'patient_name');
  return columns;
}

/** MCID flags are empty (not "no") when the episode has no later score to compare. */
export function exportCells(row: ExportRow, adherentFraction: number, withNames: boolean): (string | number | boolean | null)[] {
  return [
    row.pseudonym,
    ...(withNames ? [row.patientName] : []),
    row.clinicianName,
    row.intakeMonth,
    row.status,
    row.risk,
    row.severity,
    row.nprsBaseline,
    row.nprsLatest,
    row.nprsDischarge,
    row.nprsLatest === null ? null : row.nprsMcidLatest,
    row.nprsDischarge === null ? null : row.nprsMcidDischarge,
    oneDecimal(row.odiBaseline),
    oneDecimal(row.odiLatest),
    oneDecimal(row.odiDischarge),
    row.odiLatest === null || row.odiBaseline === null ? null : row.odiMcidLatest,
    row.odiDischarge === null || row.odiBaseline === null ? null : row.odiMcidDischarge,
    oneDecimal(row.weeksInCare),
    row.adherence === null ? null : Math.round(Math.min(row.adherence, 1) * 100),
    row.adherence === null ? null : row.adherence >= adherentFraction,
  ];
}
