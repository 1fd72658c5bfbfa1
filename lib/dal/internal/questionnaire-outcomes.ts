import 'server-only';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { questionnaireResponses } from '@/db/schema';
import { psfsChange, type PsfsActivity, type PsfsChange } from '@/lib/clinical/psfs';
import { describeRmdqChange, rmdqMcidLevel } from '@/lib/clinical/rmdq';
import { psfsAnswersSchema } from '@/lib/validation/questionnaires';

export type RmdqOutcome = {
  points: { completedAt: Date; score: number }[];
  /** The level of a meaningful improvement from the first score; null before any response. */
  mcidLevel: number | null;
  /** First against latest in words, with whether it is meaningful; null with fewer than two responses. */
  change: { baseline: number; latest: number; text: string; met: boolean } | null;
};

export type PsfsOutcome = {
  responses: { completedAt: Date; score: number; activities: PsfsActivity[] }[];
  change: PsfsChange | null;
};

/**
 * The Roland-Morris and PSFS results of one episode, oldest first, with the change from the first to the
 * latest against each one's meaningful-change rule. Not an entry point and not audited here: callers are DAL
 * functions that have already checked the viewer may read the episode and record that read.
 */
export async function loadQuestionnaireOutcomes(episodeId: string): Promise<{ rmdq: RmdqOutcome; psfs: PsfsOutcome }> {
  const rows = await getDb()
    .select({
      instrument: questionnaireResponses.instrument,
      completedAt: questionnaireResponses.completedAt,
      score: questionnaireResponses.score,
      answers: questionnaireResponses.answers,
    })
    .from(questionnaireResponses)
    .where(
      and(
        eq(questionnaireResponses.episodeId, episodeId),
        inArray(questionnaireResponses.instrument, ['RMDQ', 'PSFS']),
        eq(questionnaireResponses.status, 'completed'),
        isNotNull(questionnaireResponses.score),
        isNotNull(questionnaireResponses.completedAt),
      ),
    )
    .orderBy(asc(questionnaireResponses.completedAt));

  const points = rows.filter((row) => row.instrument === 'RMDQ').map((row) => ({ completedAt: row.completedAt!, score: row.score! }));
  const first = points[0];
  const last = points.at(-1);
  const rmdq: RmdqOutcome = {
    points,
    mcidLevel: first ? rmdqMcidLevel(first.score) : null,
    change: first && last && points.length > 1 ? { baseline: first.score, latest: last.score, ...describeRmdqChange(first.score, last.score) } : null,
  };

  const responses = rows.flatMap((row) => {
    if (row.instrument !== 'PSFS') return [];
    // A stored answer that no longer parses is left out rather than failing the whole page.
    const parsed = psfsAnswersSchema.safeParse(row.answers);
    return parsed.success ? [{ completedAt: row.completedAt!, score: row.score!, activities: parsed.data.activities }] : [];
  });
  const psfs: PsfsOutcome = {
    responses,
    change: responses.length > 1 ? psfsChange(responses[0]!.activities, responses.at(-1)!.activities) : null,
  };
  return { rmdq, psfs };
}
