/** The two kinds of change to a clinician's weekly hours, in the words the page and its form use. */
export const CHANGE_KINDS = { unavailable: 'Time off', extra: 'Extra hours' } as const;
