'use server';

import { revalidatePath } from 'next/cache';
import { importPatients, issueQueuedInvitation, type ImportReport } from '@/lib/dal/import';
import { refusal, type ActionResult } from '@/lib/errors';
import { fieldErrorsOf } from '@/lib/validation/form-data';
import { importFormSchema, queuedInvitationSchema } from '@/lib/validation/patient-import';

export type ImportState = ActionResult<ImportReport>;

/** Checks (mode "check") or imports (mode "import") the uploaded CSV; the DAL decides who may and refuses bad files whole. */
export async function importPatientsAction(_previous: ImportState, form: FormData): Promise<ImportState> {
  if (!(form instanceof FormData)) return { ok: false, formError: 'Something was wrong with the form. Please try again.' };
  // Not formFields(): the file must stay a File. React's own $ACTION fields are dropped the same way.
  const fields = Object.fromEntries([...form.entries()].filter(([name]) => !name.startsWith('$ACTION')));
  const parsed = importFormSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  let report: ImportReport;
  try {
    report = await importPatients(new Uint8Array(await parsed.data.file.arrayBuffer()), { dryRun: parsed.data.mode === 'check' });
  } catch (error) {
    return refusal(error);
  }
  if (report.status === 'imported') revalidatePath('/manager/import');
  return { ok: true, data: report };
}

export type IssueInvitationState = ActionResult<{ path: string; expiresAt: string; name: string }>;

export async function issueQueuedInvitationAction(_previous: IssueInvitationState, form: FormData): Promise<IssueInvitationState> {
  if (!(form instanceof FormData)) return { ok: false, formError: 'Something was wrong with the form. Please try again.' };
  const parsed = queuedInvitationSchema.safeParse(Object.fromEntries([...form.entries()].filter(([name]) => !name.startsWith('$ACTION'))));
  if (!parsed.success) return { ok: false, formError: 'That invitation is no longer waiting.' };
  let link: Awaited<ReturnType<typeof issueQueuedInvitation>>;
  try {
    link = await issueQueuedInvitation(parsed.data.queueId);
  } catch (error) {
    return refusal(error);
  }
  if (!link) return { ok: false, formError: 'That invitation is no longer waiting: the patient may have set a password, or the account was closed.' };
  return { ok: true, data: { path: link.path, expiresAt: link.expiresAt.toISOString(), name: link.name } };
}
