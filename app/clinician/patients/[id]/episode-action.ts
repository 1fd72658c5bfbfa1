import { uuidSchema } from '@/lib/validation/fields';

/** What a clinician is told when the bound episode is not there or not in their care. */
export const RECORD_NOT_FOUND = 'This patient record could not be found.';

/**
 * What every action on one patient's record shares (spread into formAction): clinicians only, and the
 * episode id bound in the page (`.bind(null, episodeId)`) is untrusted, checked as a UUID.
 */
export const onEpisode = { access: 'clinician', id: uuidSchema, notFound: RECORD_NOT_FOUND } as const;

/** The same, for actions whose change shows on the record's overview: it is redrawn at once. */
export const onRecord = { ...onEpisode, revalidate: (_input: unknown, { id }: { id: string }) => `/clinician/patients/${id}` } as const;
