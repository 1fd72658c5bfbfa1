'use server';

import type { InvitationLinkData } from '@/app/manager/users/_components/invitation-link';
import { importPatients, issueQueuedInvitation } from '@/lib/dal/import';
import { formAction } from '@/lib/forms/action';
import { refused } from '@/lib/forms/result';
import { importFormSchema, queuedInvitationSchema } from '@/lib/validation/patient-import';

/** Checks (mode "check") or imports (mode "import") the uploaded CSV; the DAL decides who may and refuses bad files whole. */
export const importPatientsAction = formAction({
  access: 'manager',
  schema: importFormSchema,
  read: { files: ['file'] },
  run: async ({ file, mode }) => ({ ok: true, data: await importPatients(new Uint8Array(await file.arrayBuffer()), { dryRun: mode === 'check' }) }),
  // Only an import changes the page; a check leaves its cache alone.
  revalidate: ({ mode }) => (mode === 'import' ? '/manager/import' : undefined),
});

export const issueQueuedInvitationAction = formAction({
  access: 'manager',
  schema: queuedInvitationSchema,
  invalid: 'That invitation is no longer waiting.',
  run: async ({ queueId }) => {
    const link = await issueQueuedInvitation(queueId);
    if (!link) return refused('That invitation is no longer waiting: the patient may have set a password, or the account was closed.');
    return { ok: true, data: { path: link.path, expiresAt: link.expiresAt.toISOString(), name: link.name } satisfies InvitationLinkData };
  },
});
