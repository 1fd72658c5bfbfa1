import { z } from 'zod';

const uuid = z.uuid();

/** Route ids are untrusted: anything but a UUID is "not found" before it reaches the database. */
export function isUuid(value: string): boolean {
  return uuid.safeParse(value).success;
}

/** A hidden form field naming where to go back to: a record's id, or '' (anything else becomes ''). */
export const idOrEmptySchema = z.union([z.literal(''), uuid]).catch('');
