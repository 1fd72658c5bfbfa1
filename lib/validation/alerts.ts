import { z } from 'zod';
import { cleanText } from './common';

export const acknowledgeSchema = z
  .object({
    alertId: z.uuid('Unknown alert.'),
    comment: cleanText('The comment', 1000),
  })
  .strict();
