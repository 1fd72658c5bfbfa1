/**
 * How much of an exercise a plan asks for. Exactly one of reps, holdSeconds or durationMinutes
 * normally describes the effort; sets multiplies reps or holds.
 */
export type Dosage = {
  sets: number | null;
  reps: number | null;
  holdSeconds: number | null;
  durationMinutes: number | null;
  timesPerDay: number;
  daysPerWeek: number;
  perSide: boolean;
};

/** Once a day, every day, on both sides together: a dosage that states only `overrides` beyond that. */
export function dosageWith(overrides: Partial<Dosage>): Dosage {
  return { sets: null, reps: null, holdSeconds: null, durationMinutes: null, timesPerDay: 1, daysPerWeek: 7, perSide: false, ...overrides };
}

const isPositiveInteger = (value: number | null): boolean => value === null || (Number.isInteger(value) && value > 0);
const isPositive = (value: number | null): boolean => value === null || (Number.isFinite(value) && value > 0);

function checkDosage(d: Dosage): void {
  if (!isPositiveInteger(d.sets) || !isPositiveInteger(d.reps)) {
    throw new RangeError('Sets and reps must be whole numbers of at least 1.');
  }
  if (!isPositive(d.holdSeconds) || !isPositive(d.durationMinutes)) {
    throw new RangeError('Hold and duration must be more than 0.');
  }
  if (!Number.isInteger(d.timesPerDay) || d.timesPerDay < 1) {
    throw new RangeError('Times a day must be a whole number of at least 1.');
  }
  if (!Number.isInteger(d.daysPerWeek) || d.daysPerWeek < 1 || d.daysPerWeek > 7) {
    throw new RangeError('Days a week must be a whole number from 1 to 7.');
  }
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
// "twice a day" reads naturally; "twice, twice a day" does not, so repeats within a session stay numeric.
const timesADay = (count: number): string => `${count === 2 ? 'twice' : `${count} times`} a day`;
const repeats = (count: number): string => (count === 1 ? 'once' : `${count} times`);

/** The amount of work, with "each side" on the count it applies to ("2 sets of 8 each side, holding …"). */
function effort(d: Dosage): string | null {
  const sets = d.sets ?? 1;
  const side = d.perSide ? ' each side' : '';
  if (d.reps !== null) {
    const count = (sets > 1 ? `${sets} sets of ${d.reps}` : repeats(d.reps)) + side;
    return d.holdSeconds === null ? count : `${count}, holding each for ${plural(d.holdSeconds, 'second', 'seconds')}`;
  }
  const single =
    d.holdSeconds !== null
      ? `hold ${plural(d.holdSeconds, 'second', 'seconds')}`
      : d.durationMinutes !== null
        ? plural(d.durationMinutes, 'minute', 'minutes')
        : null;
  if (single === null) return d.perSide ? 'each side' : null;
  return (sets > 1 ? `${single}, ${repeats(sets)}` : single) + side;
}

/**
 * Plain words for patients: "3 sets of 10", "hold 30 seconds, 5 times each side, twice a day, 5 days a week".
 * Every day (7 days a week) adds nothing, so the common daily case stays short.
 */
export function formatDosage(d: Dosage): string {
  checkDosage(d);
  const parts: string[] = [];
  const work = effort(d);
  if (work !== null) parts.push(work);
  if (d.timesPerDay > 1) parts.push(timesADay(d.timesPerDay));
  if (d.daysPerWeek < 7) parts.push(`${plural(d.daysPerWeek, 'day', 'days')} a week`);
  return parts.length > 0 ? parts.join(', ') : 'once a day';
}

/** Sessions the plan asks for in a week: the denominator of adherence. */
export function sessionsPerWeek(d: Dosage): number {
  checkDosage(d);
  return d.timesPerDay * d.daysPerWeek;
}
