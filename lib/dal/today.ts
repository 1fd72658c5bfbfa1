import 'server-only';
import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { exerciseLogs, painEntries, redFlagScreens } from '@/db/schema';
import { daysCountedThisWeek, weekStartOf, weeklyAdherence, type Adherence } from '@/lib/clinical/adherence';
import type { RedFlagUrgency } from '@/lib/clinical/red-flags';
import { localDay } from '@/lib/time';
import { listCurrentPlanItems, type PlanItemSummary } from './exercise-logs';
import { getPatientContext, recordOwnRead } from './patient-episode';
import { questionnaireStatusFor, type QuestionnaireStatus } from './questionnaires';

export type TodayItem = PlanItemSummary & { doneToday: number; skippedToday: number };

export type TodayView = {
  name: string;
  clinicianName: string | null;
  episodeActive: boolean;
  today: string;
  items: TodayItem[];
  latestPain: { score: number; recordedAt: Date } | null;
  loggedPainToday: boolean;
  adherence: Adherence;
  nextQuestionnaire: QuestionnaireStatus | null;
  /** An emergency answer in the last 24 hours keeps the advice on the home page. */
  recentEmergency: boolean;
};

/** Patient: their plan for today, progress today and this week, pain and what is due. Others: AppError('forbidden'). */
export async function getToday(): Promise<TodayView> {
  const { viewer, episode } = await getPatientContext();
  const today = localDay(new Date(), viewer.timeZone);
  const empty: TodayView = {
    name: viewer.name,
    clinicianName: null,
    episodeActive: false,
    today,
    items: [],
    latestPain: null,
    loggedPainToday: false,
    adherence: { logged: 0, prescribed: 0, fraction: null },
    nextQuestionnaire: null,
    recentEmergency: false,
  };
  if (!episode) return empty;
  const db = getDb();
  const items = await listCurrentPlanItems();
  const weekStart = weekStartOf(today);
  const itemIds = items.map((item) => item.planItemId);
  const counts = itemIds.length
    ? await db
        .select({
          planItemId: exerciseLogs.planItemId,
          doneToday: sql<number>`count(*) filter (where ${exerciseLogs.status} <> 'skipped' and ${exerciseLogs.localDay} = ${today})::int`,
          skippedToday: sql<number>`count(*) filter (where ${exerciseLogs.status} = 'skipped' and ${exerciseLogs.localDay} = ${today})::int`,
          week: sql<number>`count(*) filter (where ${exerciseLogs.status} <> 'skipped')::int`,
        })
        .from(exerciseLogs)
        .where(
          and(
            eq(exerciseLogs.episodeId, episode.id),
            inArray(exerciseLogs.planItemId, itemIds),
            gte(exerciseLogs.localDay, weekStart),
          ),
        )
        .groupBy(exerciseLogs.planItemId)
    : [];
  const countFor = (id: string) => counts.find((row) => row.planItemId === id);
  const daysCounted = daysCountedThisWeek(today, localDay(episode.startedAt, viewer.timeZone));
  const adherence = weeklyAdherence(
    items.map((item) => ({
      timesPerDay: item.dosage.timesPerDay,
      daysPerWeek: item.dosage.daysPerWeek,
      logged: countFor(item.planItemId)?.week ?? 0,
    })),
    daysCounted,
  );

  const [latest] = await db
    .select({ score: painEntries.score, recordedAt: painEntries.recordedAt, localDay: painEntries.localDay })
    .from(painEntries)
    .where(eq(painEntries.episodeId, episode.id))
    .orderBy(desc(painEntries.recordedAt))
    .limit(1);
  const [emergency] = await db
    .select({ urgency: redFlagScreens.urgency })
    .from(redFlagScreens)
    .where(
      and(
        eq(redFlagScreens.episodeId, episode.id),
        eq(redFlagScreens.urgency, 'emergency' satisfies RedFlagUrgency),
        sql`${redFlagScreens.createdAt} > now() - interval '24 hours'`,
      ),
    )
    .limit(1);
  const statuses = await questionnaireStatusFor(episode, viewer.timeZone);
  const next = statuses
    .filter((status) => status.due)
    .sort((a, b) => (a.due!.dueDay < b.due!.dueDay ? -1 : a.due!.dueDay > b.due!.dueDay ? 1 : 0))[0];

  await recordOwnRead(viewer, 'patient.today.read', { type: 'episode', id: episode.id });
  return {
    ...empty,
    clinicianName: episode.clinicianName,
    episodeActive: episode.status === 'active',
    items: items.map((item) => ({
      ...item,
      doneToday: countFor(item.planItemId)?.doneToday ?? 0,
      skippedToday: countFor(item.planItemId)?.skippedToday ?? 0,
    })),
    latestPain: latest ? { score: latest.score, recordedAt: latest.recordedAt } : null,
    loggedPainToday: latest?.localDay === today,
    adherence,
    nextQuestionnaire: next ?? null,
    recentEmergency: Boolean(emergency),
  };
}

