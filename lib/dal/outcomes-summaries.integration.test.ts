/**
 * The outcome SQL reads first and latest scores from episode_summaries and goes back to the base
 * tables only when an entry was recorded after discharge. These cases sit on that boundary; each
 * expected value follows from the definitions (lib/outcomes/definitions.ts) as noted beside it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createClinic, createEpisode, createUser, daysAfter, insertPainEntryRow, insertQuestionnaireResponseRow } from '@/db/factories';
import { setupTestDatabase } from '@/db/testing';
import { listEpisodeOutcomes, type EpisodeOutcomeRow, type OutcomeScope } from './internal/outcomes-sql';

const db = setupTestDatabase();
const NOW = new Date('2026-06-15T12:00:00Z');
let scope: OutcomeScope;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const clinic = await createClinic(db());
  const clinician = await createUser(db(), clinic.id, 'clinician');
  scope = { clinicId: clinic.id, from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-06-16T00:00:00Z'), clinicianId: null, timeZone: 'Europe/London', now: NOW };
  const episode = async (name: string, start: string, days: number | null, intakeNprs = 6) => {
    const patient = await createUser(db(), clinic.id, 'patient');
    const startedAt = new Date(start);
    const dischargedAt = days === null ? null : daysAfter(startedAt, days);
    const row = await createEpisode(db(), {
      clinicId: clinic.id,
      patientId: patient.id,
      clinicianId: clinician.id,
      startedAt,
      intakeNprs,
      status: dischargedAt ? 'discharged' : 'active',
      dischargedAt,
    });
    ids[name] = row.id;
    return { id: row.id, startedAt, dischargedAt: dischargedAt ?? NOW };
  };

  // Late ODI: 40 on day 1, 20 the day before discharge, 10 three days after it. Baseline 40,
  // discharge 20 (the last inside the 14 days up to discharge), latest 10.
  const late = await episode('lateOdi', '2026-01-05T09:00:00Z', 42);
  await insertQuestionnaireResponseRow(db(), late.id, { instrument: 'ODI', score: 40, completedAt: daysAfter(late.startedAt, 1) });
  await insertQuestionnaireResponseRow(db(), late.id, { instrument: 'ODI', score: 20, completedAt: daysAfter(late.dischargedAt, -1) });
  await insertQuestionnaireResponseRow(db(), late.id, { instrument: 'ODI', score: 10, completedAt: daysAfter(late.dischargedAt, 3) });

  // Short episode (10 days): the only ODI before discharge (40, day 1) is both the baseline and inside
  // the discharge window; one response cannot be its own follow-up, so no discharge ODI. The 30 after
  // discharge is the latest. Pain is different: its baseline is the intake score (6), so 7 on day 1, the
  // last score logged before discharge, is the discharge score; 2 after discharge is the latest.
  const short = await episode('short', '2026-02-02T09:00:00Z', 10);
  await insertQuestionnaireResponseRow(db(), short.id, { instrument: 'ODI', score: 40, completedAt: daysAfter(short.startedAt, 1) });
  await insertQuestionnaireResponseRow(db(), short.id, { instrument: 'ODI', score: 30, completedAt: daysAfter(short.dischargedAt, 2) });
  await insertPainEntryRow(db(), short.id, 7, daysAfter(short.startedAt, 1));
  await insertPainEntryRow(db(), short.id, 2, daysAfter(short.dischargedAt, 2));

  // Pain after discharge with two before it: intake 8, then 8 and 5 before discharge, 3 after. Discharge 5, latest 3.
  const painLate = await episode('painLate', '2026-03-02T09:00:00Z', 28, 8);
  await insertPainEntryRow(db(), painLate.id, 8, daysAfter(painLate.startedAt, 1));
  await insertPainEntryRow(db(), painLate.id, 5, daysAfter(painLate.dischargedAt, -1));
  await insertPainEntryRow(db(), painLate.id, 3, daysAfter(painLate.dischargedAt, 5));

  // Nothing recorded at all (no summary row): baseline is the intake score, everything else empty.
  await episode('empty', '2026-04-06T09:00:00Z', null, 9);

  // Two pain entries at the same instant: the later id is the latest (ties broken by id, both in the
  // summary and in the definitions).
  const tie = await episode('tie', '2026-05-04T09:00:00Z', null);
  const at = daysAfter(tie.startedAt, 2);
  await insertPainEntryRow(db(), tie.id, 4, daysAfter(tie.startedAt, 1));
  const first = await insertPainEntryRow(db(), tie.id, 6, at);
  const second = await insertPainEntryRow(db(), tie.id, 1, at);
  ids.tieLatest = String(first.id > second.id ? first.score : second.score);
});

async function rowOf(name: string): Promise<EpisodeOutcomeRow> {
  const { rows } = await listEpisodeOutcomes(db(), scope, {}, { limit: 100 });
  const row = rows.find((candidate) => candidate.id === ids[name]);
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('outcome scores around discharge', () => {
  it('takes the discharge ODI from before discharge when a later one exists', async () => {
    expect(await rowOf('lateOdi')).toMatchObject({ odiBaseline: 40, odiDischarge: 20, odiLatest: 10, odiMcidDischarge: true });
  });

  it('never counts the baseline response as the discharge score', async () => {
    expect(await rowOf('short')).toMatchObject({
      odiBaseline: 40,
      odiDischarge: null,
      odiLatest: 30,
      nprsBaseline: 6,
      nprsDischarge: 7,
      nprsLatest: 2,
    });
  });

  it('takes the discharge pain score from before discharge when a later one exists', async () => {
    expect(await rowOf('painLate')).toMatchObject({ nprsBaseline: 8, nprsDischarge: 5, nprsLatest: 3, nprsMcidDischarge: true });
  });

  it('has the intake score as baseline and nothing else for an episode with nothing recorded', async () => {
    expect(await rowOf('empty')).toMatchObject({
      nprsBaseline: 9,
      nprsLatest: null,
      odiBaseline: null,
      odiLatest: null,
      severity: 'severe',
    });
  });

  it('breaks a tie in recording time by id', async () => {
    expect((await rowOf('tie')).nprsLatest).toBe(Number(ids.tieLatest));
  });
});
