import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import type { Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/connection';
import { createCareTeam, createUser, signInAs } from '@/db/factories';
import { executeRows } from '@/db/rows';
import { auditEvents, clinics } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { validationErrorsOfAll } from '@/lib/fhir/testing/validator';
import { generateClinic } from '@/scripts/generate/clinic';
import { BULK_RESOURCE_TYPES, exportClinicToDirectory, ExportTargetNotEmpty } from './internal/data-export-bulk';
import { openClinicFhirExport } from './data-export-clinic';
import { readPatientBundle } from './internal/data-export-source';

const db = setupTestDatabase();
const now = new Date('2026-11-28T12:00:00Z');
let clinicId = '';
let work = '';

beforeAll(async () => {
  await generateClinic(db(), { patients: 12, now });
  clinicId = (await executeRows<{ id: string }>(db(), sql`select id from clinics limit 1`))[0]!.id;
  // A second clinic whose records must never appear in the first one's export.
  await createCareTeam(db());
  work = await mkdtemp(path.join(tmpdir(), 'uplift-fhir-export-'));
}, 120_000);
afterAll(async () => rm(work, { recursive: true, force: true }));

const parseNdjson = (text: string) => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Resource);
const key = (resource: Resource) => `${resource.resourceType}/${resource.id}`;

/** A real database whose `select` fails from the `failAt`-th call on: a connection lost part-way. */
function failingAfter(real: Db, failAt: number): Db {
  let calls = 0;
  return new Proxy(real, {
    get(target, property, receiver) {
      if (property === 'select' || property === 'selectDistinctOn') {
        calls += 1;
        if (calls >= failAt) throw new Error('connection lost');
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

describe('exportClinicToDirectory (npm run fhir:export)', () => {
  it('writes one valid NDJSON file per type and a manifest, holding exactly the clinic’s patients’ records', { timeout: 120_000 }, async () => {
    const directory = path.join(work, 'complete');
    const { manifest } = await exportClinicToDirectory(db(), clinicId, directory, now);
    const files = (await readdir(directory)).sort();
    expect(files).toEqual([...manifest.output.map((output) => output.url), 'manifest.json'].sort());
    expect(manifest.output.map((output) => output.type)).toEqual(expect.arrayContaining(BULK_RESOURCE_TYPES.filter((type) => type !== 'Flag')));

    const exported: Resource[] = [];
    for (const output of manifest.output) {
      const resources = parseNdjson(await readFile(path.join(directory, output.url), 'utf8'));
      expect(resources).toHaveLength(output.count);
      expect(new Set(resources.map((resource) => resource.resourceType))).toEqual(new Set([output.type]));
      exported.push(...resources);
    }
    expect(validationErrorsOfAll(exported)).toEqual([]);
    expect(new Set(exported.map(key)).size).toBe(exported.length);

    // The same records as every patient's own Bundle, and nothing from the other clinic.
    const patients = await executeRows<{ id: string }>(db(), sql`select id from users where clinic_id = ${clinicId} and role = 'patient'`);
    const fromBundles = new Set<string>();
    for (const patient of patients) {
      const { bundle } = await readPatientBundle(db(), patient.id, clinicId, null, now);
      for (const entry of bundle.entry ?? []) fromBundles.add(key(entry.resource!));
    }
    const exportedKeys = new Set(exported.map(key));
    expect([...fromBundles].filter((entry) => !exportedKeys.has(entry))).toEqual([]);
    const others = await executeRows<{ id: string }>(db(), sql`select id from users where clinic_id <> ${clinicId}`);
    expect(exported.filter((resource) => others.some((other) => JSON.stringify(resource).includes(other.id)))).toEqual([]);

    const audits = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'clinic.fhir-export'), eq(auditEvents.clinicId, clinicId)));
    expect(audits.at(-1)).toMatchObject({ outcome: 'success', actorRole: 'system' });
  });

  it('leaves no folder behind that looks complete when the export fails part-way, and audits the failure', async () => {
    const directory = path.join(work, 'failed');
    await expect(exportClinicToDirectory(failingAfter(db(), 8), clinicId, directory, now)).rejects.toThrow('connection lost');
    expect(existsSync(directory)).toBe(false);
    expect((await readdir(work)).filter((name) => name.includes('partial'))).toEqual([]);
    const audits = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'clinic.fhir-export'), eq(auditEvents.outcome, 'failure')));
    expect(audits.length).toBeGreaterThan(0);
  });

  it('refuses a folder that already has files in it', async () => {
    const directory = path.join(work, 'complete');
    await expect(exportClinicToDirectory(db(), clinicId, directory, now)).rejects.toBeInstanceOf(ExportTargetNotEmpty);
  });
});

describe('openClinicFhirExport (manager area)', () => {
  async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    for await (const chunk of chunks) parts.push(chunk);
    const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      all.set(part, offset);
      offset += part.length;
    }
    return all;
  }

  it('streams a zip of the same NDJSON files and the manifest last, audited', { timeout: 120_000 }, async () => {
    await db().update(clinics).set({ mfaRequiredForManagers: false }).where(eq(clinics.id, clinicId));
    const manager = await createUser(db(), clinicId, 'manager');
    await signInAs(db(), manager.id);
    const { chunks, filename } = await openClinicFhirExport();
    expect(filename).toMatch(/^uplift-clinic-fhir-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(await collect(chunks));
    const names = Object.keys(files);
    expect(names.at(-1)).toBe('manifest.json');
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { output: { url: string; count: number }[] };
    expect(names).toEqual([...manifest.output.map((output) => output.url), 'manifest.json']);
    for (const output of manifest.output) expect(parseNdjson(strFromU8(files[output.url]!))).toHaveLength(output.count);
    const fromDirectory = await readFile(path.join(work, 'complete', 'Observation.ndjson'), 'utf8');
    expect(strFromU8(files['Observation.ndjson']!)).toBe(fromDirectory);
    const audits = await db().select().from(auditEvents).where(and(eq(auditEvents.actorId, manager.id), eq(auditEvents.action, 'clinic.fhir-export')));
    expect(audits).toMatchObject([{ outcome: 'success', clinicId }]);
  });

  it('cannot: clinicians and patients are refused; a manager exports only their own clinic', async () => {
    const team = await createCareTeam(db());
    for (const userId of [team.clinician.id, team.patient.id]) {
      await signInAs(db(), userId);
      await expect(openClinicFhirExport()).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
    }
    await signInAs(db(), team.manager.id);
    const files = unzipSync(await collect((await openClinicFhirExport()).chunks));
    const patients = parseNdjson(strFromU8(files['Patient.ndjson']!));
    expect(patients.map((patient) => patient.id)).toEqual([team.patient.id]);
    await signInAs(db(), null);
    await expect(openClinicFhirExport()).rejects.toSatisfy((error) => isAppError(error, 'unauthenticated'));
  });
});
