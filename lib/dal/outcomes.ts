import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { clinics, users } from '@/db/schema';
import { requireClinicManager, type Viewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { RISK_LABELS, SEVERITY_BANDS } from '@/lib/outcomes/definitions';
import { EMPTY_AGGREGATES, groupFigures, type GroupFigures } from '@/lib/outcomes/figures';
import { addDays, localDay, zonedTimeToUtc } from '@/lib/time';
import type { DrillDown, OutcomeFilter } from '@/lib/validation/outcomes';
import { recordViewerAction } from './internal/viewer-action';
import {
  aggregateOutcomes,
  listEpisodeOutcomes,
  type AggregateRow,
  type EpisodeCursor,
  type EpisodeOutcomeRow,
  type OutcomeScope,
} from './internal/outcomes-sql';

export type ClinicianOption = { id: string; name: string; active: boolean };
export type OutcomeContext = {
  clinicName: string;
  timeZone: string;
  today: string;
  clinicians: ClinicianOption[];
  managersSeePatientIdentity: boolean;
};

function loadContext(viewer: Viewer): Promise<OutcomeContext> {
  return loadClinicContext(viewer.clinicId);
}

/** Once per request (React cache): the overview's shell and each of its streamed panels need it. */
const loadClinicContext = cache(async (clinicId: string): Promise<OutcomeContext> => {
  const db = getDb();
  const [clinic] = await db
    .select({ name: clinics.name, timeZone: clinics.timeZone, identity: clinics.managersSeePatientIdentity })
    .from(clinics)
    .where(eq(clinics.id, clinicId));
  // Inactive clinicians stay in the list: their past episodes still count.
  const clinicians = await db
    .select({ id: users.id, name: users.name, active: users.active })
    .from(users)
    .where(and(eq(users.clinicId, clinicId), eq(users.role, 'clinician')))
    .orderBy(asc(users.name));
  if (!clinic) throw new AppError('forbidden', 'You do not have access to this clinic.');
  // Clinic reports count days in the clinic's zone, so every manager sees the same months and figures.
  return {
    clinicName: clinic.name,
    timeZone: clinic.timeZone,
    today: localDay(new Date(), clinic.timeZone),
    clinicians,
    managersSeePatientIdentity: clinic.identity,
  };
});

/** Manager: their clinic's name, time zone, today and clinicians (for the filters). Others: AppError('forbidden'). */
export async function getOutcomeContext(): Promise<OutcomeContext> {
  return loadContext(await requireClinicManager());
}

function toScope(viewer: Viewer, context: OutcomeContext, filter: OutcomeFilter): OutcomeScope {
  return {
    clinicId: viewer.clinicId,
    from: zonedTimeToUtc(filter.from, 0, 0, context.timeZone),
    to: zonedTimeToUtc(addDays(filter.to, 1), 0, 0, context.timeZone),
    // Scoped by clinic in SQL too: another clinic's clinician id simply matches nothing.
    clinicianId: filter.clinicianId,
    timeZone: context.timeZone,
    now: new Date(),
  };
}

/** `empty`: no episodes at all (a month with no intake), as opposed to too few to report. */
export type OutcomeGroup = { key: string; label: string; empty: boolean; figures: GroupFigures };
export type ClinicOutcomes = {
  context: OutcomeContext;
  overall: GroupFigures;
  byClinician: OutcomeGroup[];
  byMonth: OutcomeGroup[];
  byRisk: OutcomeGroup[];
  bySeverity: OutcomeGroup[];
};

const MONTH_LABEL = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
export const monthLabel = (month: string) => MONTH_LABEL.format(new Date(`${month}-15T00:00:00Z`));

/** Every month from the range's first to its last, so the cohort chart shows gaps as gaps. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > end) return months;
    months.push(key);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
}


/**
 * Manager: the outcome figures of their own clinic for the filter, overall and broken down by clinician,
 * intake month, STarT Back risk and baseline pain band. Others: AppError('forbidden').
 */
export async function getClinicOutcomes(filter: OutcomeFilter): Promise<ClinicOutcomes> {
  return clinicOutcomes(filter.from, filter.to, filter.clinicianId);
}

/**
 * Keyed by the filter's values, so the overview's panels, each asking for the figures they show, share
 * one statement per request (React cache compares arguments by value only for strings and numbers).
 */
const clinicOutcomes = cache(async (from: string, to: string, clinicianId: string | null): Promise<ClinicOutcomes> => {
  const filter: OutcomeFilter = { from, to, clinicianId };
  const viewer = await requireClinicManager();
  const context = await loadContext(viewer);
  const rows = await aggregateOutcomes(getDb(), toScope(viewer, context, filter));
  const of = (dimension: AggregateRow['dimension']) => rows.filter((row) => row.dimension === dimension);
  const overall = of('all')[0] ?? EMPTY_AGGREGATES;
  const names = new Map(context.clinicians.map((clinician) => [clinician.id, clinician.name]));

  const byMonthRows = new Map(of('month').map((row) => [row.key, row]));
  const riskRows = new Map(of('risk').map((row) => [row.key ?? 'none', row]));
  const severityRows = new Map(of('severity').map((row) => [row.key, row]));
  return {
    context,
    overall: groupFigures(overall),
    byClinician: of('clinician')
      .map((row) => ({ key: row.key!, label: names.get(row.key!) ?? 'Unknown clinician', empty: false, figures: groupFigures(row) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    byMonth: monthsBetween(filter.from, filter.to).map((month) => ({
      key: month,
      label: monthLabel(month),
      empty: !byMonthRows.has(month),
      figures: groupFigures(byMonthRows.get(month) ?? EMPTY_AGGREGATES),
    })),
    byRisk: (['low', 'medium', 'high', 'none'] as const)
      .filter((risk) => riskRows.has(risk))
      .map((risk) => ({ key: risk, label: RISK_LABELS[risk]!, empty: false, figures: groupFigures(riskRows.get(risk)!) })),
    bySeverity: SEVERITY_BANDS.filter((band) => severityRows.has(band.band)).map((band) => ({
      key: band.band,
      label: band.label,
      empty: false,
      figures: groupFigures(severityRows.get(band.band)!),
    })),
  };
});

export type EpisodeListing = EpisodeOutcomeRow & { clinicianName: string; patientName: string | null };

async function withNames(rows: EpisodeOutcomeRow[], context: OutcomeContext, viewer: Viewer): Promise<EpisodeListing[]> {
  const clinicianNames = new Map(context.clinicians.map((clinician) => [clinician.id, clinician.name]));
  let patientNames = new Map<string, string>();
  // Clinic policy decides whether managers see who the patient is; by default they see the pseudonym only.
  if (context.managersSeePatientIdentity && rows.length > 0) {
    const patients = await getDb()
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.clinicId, viewer.clinicId), inArray(users.id, rows.map((row) => row.patientId))));
    patientNames = new Map(patients.map((patient) => [patient.id, patient.name]));
  }
  return rows.map((row) => ({
    ...row,
    clinicianName: clinicianNames.get(row.clinicianId) ?? 'Unknown clinician',
    patientName: context.managersSeePatientIdentity ? (patientNames.get(row.patientId) ?? null) : null,
  }));
}

export const DRILL_PAGE_SIZE = 50;

/**
 * Manager: one page of the episodes behind a figure or group of their own clinic, by pseudonym (names
 * only when clinic policy allows), recorded in the audit trail. Others: AppError('forbidden').
 */
export async function listOutcomeEpisodes(
  filter: OutcomeFilter,
  drill: DrillDown,
): Promise<{ context: OutcomeContext; rows: EpisodeListing[]; next: EpisodeCursor | null }> {
  const viewer = await requireClinicManager();
  const context = await loadContext(viewer);
  const { rows, next } = await listEpisodeOutcomes(
    getDb(),
    toScope(viewer, context, filter),
    { dimension: drill.dimension, key: drill.key, figure: drill.figure },
    { limit: DRILL_PAGE_SIZE, after: drill.after },
  );
  await recordViewerAction(getDb(), viewer, {
    action: 'manager.outcomes.episodes.read',
    resourceType: 'outcomes',
    detail: { episodes: rows.length, figure: drill.figure ?? null, dimension: drill.dimension ?? null, identities: context.managersSeePatientIdentity },
  });
  return { context, rows: await withNames(rows, context, viewer), next };
}

const EXPORT_PAGE = 500;

/**
 * Manager: the episode-level outcomes of their own clinic for the filter, page by page (never all rows
 * at once), for the CSV export. The export is recorded in the audit trail before the first row.
 * Others: AppError('forbidden').
 */
export async function openOutcomeExport(filter: OutcomeFilter): Promise<{
  context: OutcomeContext;
  pages: () => AsyncGenerator<EpisodeListing[]>;
}> {
  const viewer = await requireClinicManager();
  const context = await loadContext(viewer);
  const scope = toScope(viewer, context, filter);
  await recordViewerAction(getDb(), viewer, {
    action: 'manager.outcomes.export',
    resourceType: 'outcomes',
    detail: { from: filter.from, to: filter.to, clinicianId: filter.clinicianId, identities: context.managersSeePatientIdentity },
  });
  async function* pages() {
    let after: EpisodeCursor | null = null;
    do {
      const page = await listEpisodeOutcomes(getDb(), scope, {}, { limit: EXPORT_PAGE, after, batchSize: EXPORT_PAGE });
      if (page.rows.length > 0) yield await withNames(page.rows, context, viewer);
      after = page.next;
    } while (after);
  }
  return { context, pages };
}
