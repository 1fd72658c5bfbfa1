/**
 * Where Uplift's own FHIR identifiers live. The product's URL is the namespace of its local code system
 * (lib/clinical/rom.ts), so every canonical URL and identifier system hangs off the same base.
 */
export const FHIR_BASE = 'https://uplift.example/fhir';

export const IDENTIFIER_SYSTEMS = {
  organization: `${FHIR_BASE}/NamingSystem/clinic`,
  person: `${FHIR_BASE}/NamingSystem/user`,
  episode: `${FHIR_BASE}/NamingSystem/episode`,
} as const;

/** Sets, repetitions, hold and "each side" of an exercise: FHIR R4's CarePlan has no element for them. */
export const EXERCISE_DOSAGE_EXTENSION = `${FHIR_BASE}/StructureDefinition/exercise-dosage`;

export const questionnaireUrl = (slug: string) => `${FHIR_BASE}/Questionnaire/${slug}`;

/** The address of a resource in a Bundle; references inside the Bundle are relative to it (Type/id). */
export const fullUrl = (resourceType: string, id: string) => `${FHIR_BASE}/${resourceType}/${id}`;
