import { z } from 'zod';

const uuid = z.uuid();

/** Route ids are untrusted: anything but a UUID is "not found" before it reaches the database. */
export function isUuid(value: string): boolean {
  return uuid.safeParse(value).success;
}
