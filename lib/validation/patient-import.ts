import { z } from 'zod';

/** Under the 1 MB body limit every server action has (proxy.ts), so the size refusal is ours, with a clear message. */
export const MAX_IMPORT_BYTES = 512 * 1024;
export const MAX_IMPORT_ROWS = 2_000;
export const MAX_PAST_PAIN = 200;

export const importFormSchema = z
  .object({
    mode: z.enum(['check', 'import'], { error: 'Choose whether to check the file or import it.' }),
    file: z.instanceof(File, { error: 'Choose a CSV file.' }).refine((file) => file.size > 0, 'Choose a CSV file.'),
  })
  .strict();

export const queuedInvitationSchema = z.object({ queueId: z.uuid() }).strict();
