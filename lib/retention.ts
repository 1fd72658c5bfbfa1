/**
 * When a closed patient record may be purged (docs/SECURITY.md, "Retention and erasure"). Pure, so
 * the rule is tested on its own.
 *
 * - Adults: the clinic's retention period after the account is closed (default 8 years: the NHS
 *   Records Management Code of Practice keeps adult health records 8 years after treatment ends).
 * - Someone closed before their 18th birthday: also at least until their 25th birthday, or their
 *   26th if they were 17 at closure (the same Code's rule for children's records), whichever is later.
 */
export function addYearsUtc(date: Date, years: number): Date {
  const result = new Date(date.getTime());
  result.setUTCFullYear(result.getUTCFullYear() + years);
  // 29 February in a year without one rolls to 1 March: later, never earlier, than the true date.
  return result;
}

export function ageOn(dateOfBirth: string, on: Date): number {
  const [year, month, day] = dateOfBirth.split('-').map(Number) as [number, number, number];
  let age = on.getUTCFullYear() - year;
  const beforeBirthday = on.getUTCMonth() + 1 < month || (on.getUTCMonth() + 1 === month && on.getUTCDate() < day);
  if (beforeBirthday) age -= 1;
  return age;
}

export function retentionEnd(closedAt: Date, retentionYears: number, dateOfBirth: string | null): Date {
  const adult = addYearsUtc(closedAt, retentionYears);
  if (!dateOfBirth) return adult;
  const age = ageOn(dateOfBirth, closedAt);
  if (age >= 18) return adult;
  const birthday = age === 17 ? 26 : 25;
  const childFloor = addYearsUtc(new Date(`${dateOfBirth}T00:00:00Z`), birthday);
  return childFloor > adult ? childFloor : adult;
}
