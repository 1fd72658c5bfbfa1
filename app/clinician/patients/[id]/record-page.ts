import { notFound } from 'next/navigation';
import { guardArea } from '@/lib/auth/guard';

/**
 * What a page of one patient's record starts with: the clinician viewing it and the page's data from
 * `load` (a viewer-checked DAL function), or the not-found page when the episode is not in their care.
 */
export async function loadRecordPage<T>(params: Promise<{ id: string }>, load: (episodeId: string) => Promise<T | null>) {
  const { id } = await params;
  const viewer = await guardArea('clinician');
  const data = await load(id);
  if (!data) notFound();
  return { id, viewer, data };
}
