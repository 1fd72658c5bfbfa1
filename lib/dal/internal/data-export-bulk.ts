import 'server-only';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Resource } from '@medplum/fhirtypes';
import type { Db } from '@/db/client';
import { EPISODE_RESOURCE_TYPES, episodeResources, PARTS_FOR_TYPE, type EpisodeResourceType } from '@/lib/fhir/episode-resources';
import { organizationResource, patientResource, practitionerResource, practitionerRoleResource, questionnaireResource } from '@/lib/fhir/map';
import { manifest, MANIFEST_FILE, ndjsonFileName, ndjsonLines, type BulkManifest, type BulkOutput } from '@/lib/fhir/ndjson';
import { INSTRUMENTS } from '@/lib/fhir/questionnaires';
import { recordAudit } from '@/lib/audit/record';
import { readClinic, readEpisodeBatch, readEpisodePage, readPeoplePage } from './data-export-source';

/*
 * The whole-clinic FHIR export without any session: `npm run fhir:export` runs it from the command line
 * (whoever can run it already holds the database), and the manager's download (data-export-clinic.ts)
 * calls it after its own check. Nothing here imports the request-bound parts of the DAL.
 */

/** The target folder of an export already has files in it. */
export class ExportTargetNotEmpty extends Error {}

export const BULK_RESOURCE_TYPES = ['Organization', 'Practitioner', 'PractitionerRole', 'Patient', 'Questionnaire', ...EPISODE_RESOURCE_TYPES] as const;
export type BulkResourceType = (typeof BULK_RESOURCE_TYPES)[number];

/** Episodes per read: each pass holds one page of episodes and their rows of one kind, never the clinic. */
export const EXPORT_PAGE_SIZE = 100;

/**
 * Unscoped: every resource of `type` in the clinic, one page at a time (keyset paging by id). Callers
 * decide first who may export the clinic.
 */
export async function* clinicResources(db: Db, clinicId: string, type: BulkResourceType, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<Resource[]> {
  if (type === 'Organization') {
    const clinic = await readClinic(db, clinicId);
    if (clinic) yield [organizationResource(clinic)];
    return;
  }
  if (type === 'Questionnaire') {
    yield INSTRUMENTS.map(questionnaireResource);
    return;
  }
  const isPeople = type === 'Patient' || type === 'Practitioner' || type === 'PractitionerRole';
  let after: string | null = null;
  for (;;) {
    if (isPeople) {
      const people = await readPeoplePage(db, clinicId, type === 'Patient' ? ['patient'] : ['clinician', 'manager'], after, pageSize);
      if (people.length === 0) return;
      after = people.at(-1)!.id;
      yield people.map((person) => (type === 'Patient' ? patientResource(person) : type === 'Practitioner' ? practitionerResource(person) : practitionerRoleResource(person)));
    } else {
      const episodes = await readEpisodePage(db, clinicId, after, pageSize);
      if (episodes.length === 0) return;
      after = episodes.at(-1)!.id;
      const episodeType = type as EpisodeResourceType;
      const batch = await readEpisodeBatch(db, episodes, PARTS_FOR_TYPE[episodeType]);
      const resources = episodeResources(episodeType, batch);
      if (resources.length > 0) yield resources;
    }
  }
}

/** NDJSON bytes of one type, page by page, counting resources into `counts`. */
export async function* ndjsonOf(db: Db, clinicId: string, type: BulkResourceType, counts: Map<string, number>): AsyncGenerator<Uint8Array> {
  for await (const resources of clinicResources(db, clinicId, type)) {
    counts.set(type, (counts.get(type) ?? 0) + resources.length);
    yield ndjsonLines(resources);
  }
}

export const outputs = (counts: Map<string, number>): BulkOutput[] =>
  BULK_RESOURCE_TYPES.filter((type) => (counts.get(type) ?? 0) > 0).map((type) => ({ type, url: ndjsonFileName(type), count: counts.get(type)! }));

export type DirectoryExport = { manifest: BulkManifest; directory: string };

/**
 * Writes the clinic as NDJSON files into `directory` (for `npm run fhir:export`). Everything is written into
 * a hidden folder beside it and renamed to `directory` only when every file and the manifest are on disk:
 * an export that fails part-way leaves no folder that looks complete. `directory` must not exist or be empty.
 * Audited as `clinic.fhir-export` by the system.
 */
export async function exportClinicToDirectory(db: Db, clinicId: string, directory: string, now = new Date()): Promise<DirectoryExport> {
  const target = path.resolve(directory);
  const existing = await readdir(target).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : Promise.reject(error)));
  if (existing && existing.length > 0) throw new ExportTargetNotEmpty(`${target} is not empty; choose a new folder.`);
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.partial-${randomBytes(4).toString('hex')}`);
  await mkdir(staging, { recursive: true });
  const counts = new Map<string, number>();
  try {
    for (const type of BULK_RESOURCE_TYPES) {
      const file = createWriteStream(path.join(staging, ndjsonFileName(type)));
      const closed = new Promise<void>((resolve, reject) => {
        file.on('close', resolve);
        file.on('error', reject);
      });
      for await (const bytes of ndjsonOf(db, clinicId, type, counts)) {
        if (!file.write(bytes)) await new Promise<void>((resolve) => file.once('drain', resolve));
      }
      file.end();
      await closed;
      // Bulk Data lists only types that have resources; an empty file would be a type with none.
      if (!counts.get(type)) await rm(path.join(staging, ndjsonFileName(type)));
    }
    const result = manifest(now, `uplift fhir:export ${clinicId}`, outputs(counts));
    await writeFile(path.join(staging, MANIFEST_FILE), JSON.stringify(result, null, 2));
    if (existing) await rmdir(target);
    await rename(staging, target);
    await recordAudit(db, { action: 'clinic.fhir-export', outcome: 'success', clinicId, actorRole: 'system', detail: { via: 'cli', resources: Object.fromEntries(counts) } });
    return { manifest: result, directory: target };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    await recordAudit(db, { action: 'clinic.fhir-export', outcome: 'failure', clinicId, actorRole: 'system', detail: { via: 'cli' } });
    throw error;
  }
}

