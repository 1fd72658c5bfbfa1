import { z } from 'zod';

export { calendarDate, localDateTime, uuidSchema } from './fields';

export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  return z.flattenError(error).fieldErrors as Record<string, string[]>;
}

/** A page number from an address or a form: a whole number from 1; anything else is page 1. */
export const pageNumberSchema = z.coerce.number().int().min(1).max(10_000).catch(1);
