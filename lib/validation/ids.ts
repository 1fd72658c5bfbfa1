import { z } from 'zod';

const uuid = z.uuid();

/**
 * The one UUID check. Route ids and ids passed to the DAL are untrusted: anything but a UUID is "not
 * found" before it reaches the database (where it would be a cast error, not a miss).
 */
export function isUuid(value: unknown): value is string {
  return uuid.safeParse(value).success;
}

/** A hidden form field naming where to go back to: a record's id, or '' (anything else becomes ''). */
export const idOrEmptySchema = z.union([z.literal(''), uuid]).catch('');
