import { z } from 'zod';

export { calendarDate, localDateTime, uuidSchema } from './fields';

/** A page number from an address or a form: a whole number from 1; anything else is page 1. */
export const pageNumberSchema = z.coerce.number().int().min(1).max(10_000).catch(1);
