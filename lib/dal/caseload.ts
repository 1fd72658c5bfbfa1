import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { executeRows } from '@/db/rows';
import { requireRole } from '@/lib/auth/viewer';
import { ALERT_REASONS, type AlertReason } from '@/lib/clinical/alerts';
import { CASELOAD_FLAG_KEYS, CASELOAD_SORT_KEYS } from '@/lib/validation/caseload';
import { responsibleClinicianIn } from './internal/clinician-access';
import { episodeMetricsCte, type EpisodeMetricsRow } from './internal/episode-metrics';
import { recordViewerAction } from './internal/viewer-action';

export const CASELOAD_PAGE_SIZE = 50;

export const CASELOAD_SORTS = CASELOAD_SORT_KEYS;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];

/** The caseload flags, in "needs attention first" order. */
export const CASELOAD_FLAGS = CASELOAD_FLAG_KEYS satisfies readonly AlertReason[];
export type CaseloadFlag = (typeof CASELOAD_FLAGS)[number];

export type CaseloadQuery = {
  sort: CaseloadSort;
  direction: 'asc' | 'desc';
  flag: CaseloadFlag | null;
  search: string;
  page: number;
};

export type CaseloadRow = {
  episodeId: string;
  patientName: string;
  weeksInCare: number;
  startbackRisk: 'low' | 'medium' | 'high' | null;
  latestPain: number | null;
  painChange: number | null;
  odiLatest: number | null;
  odiChange: number | null;
  adherence7: number | null;
  lastActivityAt: Date | null;
  flags: CaseloadFlag[];
  /** Why the row sits where it does in "needs attention first". */
  reason: string;
};

export type CaseloadPage = { rows: CaseloadRow[]; total: number; page: number; pageCount: number; pageSize: number };

// Sort keys map to fixed SQL; user input never reaches the ORDER BY text.
const SORT_SQL: Record<Exclude<CaseloadSort, 'attention'>, SQL> = {
  name: sql`lower(patient_name)`,
  weeks: sql`weeks_in_care`,
  risk: sql`case startback_risk when 'high' then 3 when 'medium' then 2 when 'low' then 1 end`,
  pain: sql`latest_pain`,
  'pain-change': sql`(latest_pain - intake_nprs)`,
  odi: sql`odi_latest`,
  'odi-change': sql`(odi_latest - odi_baseline)`,
  adherence: sql`adherence_7`,
  activity: sql`last_activity_at`,
};

/**
 * The caseload's flags over a row of the metrics CTE (episode-metrics.ts), in attention order. Event flags come
 * from open alerts; time-based flags are computed live, so they are right even between two runs of the
 * scheduled evaluation. The clinician's day view shows the same flags.
 */
export const caseloadFlagsSql = sql`array_remove(array[
  case when 'red-flag' = any(coalesce(open_reasons, '{}')) then 'red-flag' end,
  case when 'severe-pain' = any(coalesce(open_reasons, '{}')) then 'severe-pain' end,
  case when 'worsening' = any(coalesce(open_reasons, '{}')) then 'worsening' end,
  case when 'questionnaire-worsening' = any(coalesce(open_reasons, '{}')) then 'questionnaire-worsening' end,
  case when is_inactive then 'inactive' end,
  case when is_low_adherence then 'low-adherence' end,
  case when cardinality(coalesce(overdue_instruments, '{}')) > 0 then 'questionnaire-overdue' end
], null)`;

type Row = EpisodeMetricsRow & { flags: string[] | null; attention_rank: number; total: number };

/**
 * Clinician: one page of the active episodes they are responsible for (their own, and those of away
 * colleagues they cover) with figures and flags, in one SQL statement.
 * Everyone else: AppError('forbidden').
 */
export async function listCaseload(query: CaseloadQuery, now = new Date()): Promise<CaseloadPage> {
  const viewer = await requireRole('clinician');
  const db = getDb();
  // Their own patients and, while a colleague is away, the patients they cover.
  const scope = sql`${responsibleClinicianIn(sql`e.clinician_id`, viewer)} and e.clinic_id = ${viewer.clinicId}`;
  const flagsSql = caseloadFlagsSql;
  const search = query.search.trim().toLowerCase();
  const where: SQL[] = [sql`true`];
  if (search) where.push(sql`strpos(lower(patient_name), ${search}) > 0`);
  if (query.flag) where.push(sql`${query.flag} = any(flags)`);
  const direction = query.direction === 'desc' ? sql`desc` : sql`asc`;
  const order =
    query.sort === 'attention'
      ? sql`attention_rank asc, last_activity_at asc nulls first, lower(patient_name) asc`
      : sql`${SORT_SQL[query.sort]} ${direction} nulls last, lower(patient_name) asc`;
  const page = Math.max(1, Math.floor(query.page));
  const rows = await executeRows<Row>(
    db,
    sql`with ${episodeMetricsCte(scope, now)}, flagged as (
      select metrics.*, ${flagsSql} as flags from metrics
    ), ranked as (
      select flagged.*, coalesce((
        select min(array_position(${sql.raw(`array['${CASELOAD_FLAGS.join("','")}']::text[]`)}, f)) from unnest(flags) f
      ), ${CASELOAD_FLAGS.length + 1})::int as attention_rank
      from flagged
    )
    select ranked.*, (count(*) over ())::int as total
    from ranked
    where ${sql.join(where, sql` and `)}
    order by ${order}
    limit ${CASELOAD_PAGE_SIZE} offset ${(page - 1) * CASELOAD_PAGE_SIZE}`,
  );
  await recordViewerAction(db, viewer, { action: 'clinician.caseload.read', resourceType: 'caseload', detail: { page, rows: rows.length } });
  const total = rows[0]?.total ?? 0;
  return {
    rows: rows.map(toCaseloadRow),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / CASELOAD_PAGE_SIZE)),
    pageSize: CASELOAD_PAGE_SIZE,
  };
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function toCaseloadRow(row: Row): CaseloadRow {
  const flags = (row.flags ?? []) as CaseloadFlag[];
  const lastActivityAt = row.last_activity_at ? new Date(row.last_activity_at) : null;
  const [first, ...others] = flags;
  const reason = first
    ? `${ALERT_REASONS[first].label}${others.length ? ` (+${others.length} more)` : ''}`
    : 'No flags';
  return {
    episodeId: row.episode_id,
    patientName: row.patient_name,
    weeksInCare: row.weeks_in_care,
    startbackRisk: (row.startback_risk as CaseloadRow['startbackRisk']) ?? null,
    latestPain: row.latest_pain,
    painChange: row.latest_pain === null ? null : row.latest_pain - row.intake_nprs,
    odiLatest: row.odi_latest === null ? null : round1(row.odi_latest),
    odiChange: row.odi_latest === null || row.odi_baseline === null ? null : round1(row.odi_latest - row.odi_baseline),
    adherence7: row.adherence_7,
    lastActivityAt,
    flags,
    reason,
  };
}
