import { expect, test } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';
import { download } from '../fixtures/downloads';
import { screenshotIfAsked } from '../fixtures/screenshots';
import { openPatient } from './pages';

test.describe('the patient record, downloaded', () => {
  test('the clinician downloads the record as a FHIR Bundle; another clinician is refused', async ({ page, browser }) => {
    await signInAndWait(page, 'clinician');
    const episodeId = await openPatient(page, 'Jamie Taylor');
    await screenshotIfAsked(page, 'record-desktop');
    const file = await download(page, () => page.getByRole('link', { name: 'Download record (FHIR file)' }).click());
    expect(file.name).toBe(`uplift-record-${episodeId}.fhir.json`);
    const bundle = JSON.parse(file.bytes.toString('utf8')) as { resourceType: string; type: string; entry: { resource: { resourceType: string; code?: { coding?: { code: string }[] } } }[] };
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const types = new Set(bundle.entry.map((entry) => entry.resource.resourceType));
    for (const type of ['Patient', 'Practitioner', 'Organization', 'EpisodeOfCare', 'Condition', 'CarePlan', 'Observation', 'QuestionnaireResponse', 'RiskAssessment']) {
      expect(types, type).toContain(type);
    }
    const condition = bundle.entry.find((entry) => entry.resource.resourceType === 'Condition')!;
    expect(condition.resource.code?.coding?.[0]?.code).toBe('279039007');

    // clinician2 does not look after Jamie Taylor: the same address is "not found" for them.
    const context = await browser.newContext();
    const other = await context.newPage();
    await signInAndWait(other, 'clinician2');
    const refused = await other.request.get(`/api/exports/fhir/episodes/${episodeId}`);
    expect(refused.status()).toBe(404);
    expect(await refused.text()).not.toContain('Jamie');
    await context.close();
  });
});
