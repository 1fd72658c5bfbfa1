import 'server-only';
import { getDb } from '@/db/client';
import { auditActor, requireClinicManager } from '@/lib/auth/viewer';
import { manifest, MANIFEST_FILE, ndjsonFileName, zipStream, type ZipEntry } from '@/lib/fhir/ndjson';
import { recordAudit } from '@/lib/audit/record';
import { BULK_RESOURCE_TYPES, ndjsonOf, outputs } from './internal/data-export-bulk';

export type ClinicZipExport = { filename: string; chunks: AsyncGenerator<Uint8Array> };

/**
 * Manager: the whole clinic as a zip of NDJSON files and a manifest, streamed as it is read (the manifest
 * goes in last, so a zip cut short has none and is not readable). Audited when it starts and again if it
 * fails. Other roles: AppError('forbidden').
 * Deliberately with patients' names, unlike the manager's outcome pages: this is the clinic, as controller of
 * the records, taking them to another system (docs/FHIR.md).
 */
export async function openClinicFhirExport(): Promise<ClinicZipExport> {
  const viewer = await requireClinicManager();
  const db = getDb();
  const now = new Date();
  const audit = { ...auditActor(viewer), action: 'clinic.fhir-export' } as const;
  await recordAudit(db, { ...audit, outcome: 'success', detail: { via: 'manager-area' } });
  const counts = new Map<string, number>();
  async function* entries(): AsyncGenerator<ZipEntry> {
    for (const type of BULK_RESOURCE_TYPES) {
      // The first page is read before the entry is opened, so a type with no resources gets no file.
      const pages = ndjsonOf(db, viewer.clinicId, type, counts);
      const first = await pages.next();
      if (first.done) continue;
      yield {
        name: ndjsonFileName(type),
        chunks: (async function* () {
          yield first.value;
          yield* pages;
        })(),
      };
    }
    const encoded = new TextEncoder().encode(JSON.stringify(manifest(now, '/api/exports/fhir/clinic', outputs(counts)), null, 2));
    yield { name: MANIFEST_FILE, chunks: (async function* () { yield encoded; })() };
  }
  async function* guarded(): AsyncGenerator<Uint8Array> {
    try {
      yield* zipStream(entries());
    } catch (error) {
      await recordAudit(db, { ...audit, outcome: 'failure', detail: { via: 'manager-area' } });
      throw error;
    }
  }
  return { filename: `uplift-clinic-fhir-${now.toISOString().slice(0, 10)}.zip`, chunks: guarded() };
}
