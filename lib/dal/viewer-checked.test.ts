import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * lib/dal/*.ts is what pages, route handlers and actions may call (docs/ARCHITECTURE.md, "Boundaries"),
 * so every function it exports must establish who is asking before it reads or writes: directly, through
 * one of the access building blocks, or through a function of its own file that does. Functions that
 * are public by design check a link's token or answer anyone, and are named here with the reason.
 */
const CHECKS = new Set([
  'getViewer',
  'requireViewer',
  'requireRole',
  'requireClinicManager',
  'getOwnEpisode',
  'getPatientContext',
  'getLoggableContext',
]);

const PUBLIC: Record<string, string> = {
  'health.ts isDatabaseReady': 'the health route answers anyone, with no data',
  'account-setup.ts getLinkDetails': 'the emailed link is the credential',
  'account-setup.ts setPasswordWithLink': 'the emailed link is the credential',
  'password-reset-request.ts requestPasswordReset': 'anyone may ask; the answer never says whether the account exists',
  'password-reset-request.ts isSelfServiceResetAvailable': 'whether mail is set up, for the sign-in page',
  'password-reset-request.ts resetThrottleKeys': 'pure: the throttle keys of a request',
  'password-reset-request.ts emailResetLink': 'called after a manager or the request itself was checked',
  'import-csv.ts parsePatientCsv': 'pure: parses an uploaded file the manager import already checked',
  'calendar.ts calendarFeedFor': "the feed's secret, checked by its hash, is the only credential",
  'reminder-preferences.ts unsubscribeWithToken': 'the signed one-click unsubscribe link is the authority',
  'reminder-preferences.ts turnOffReminderEmail': 'called after the unsubscribe link was checked; nobody is signed in',
  'reminder-preferences.ts preferencesFromRow': 'pure: a stored row as preferences',
  'import-csv.ts parsePastPain': 'pure: one cell of the import file',
  'import-csv.ts fileSha256': 'pure: the digest that recognises a file imported twice',
  'onboarding.ts newPseudonym': 'pure: a random episode pseudonym',
  'outcomes.ts monthLabel': 'pure: a month as the outcome pages name it',
  'exercise-logs.ts toItem': 'pure: maps a plan item row for the exercise pages and Today',
  'safety-checks.ts periodicScreenFilter': 'pure: a SQL condition, scoped by the query that uses it',
};

/**
 * Building blocks that take a viewer or episode the caller has already checked. Kept beside the checked
 * functions they serve; any new one belongs in lib/dal/internal/.
 */
const BUILDING_BLOCKS: Record<string, string> = {
  'escalations.ts escalatedAlertForLead': 'alerts.ts passes the clinician it checked',
  'import.ts writeImport': 'importPatients passes the manager it checked and its transaction',
  'questionnaires.ts questionnaireStatusFor': "today.ts passes the patient's episode from getPatientContext",
};

const dir = path.join(__dirname);
const files = readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

function exportedFunctions(file: string): { name: string; checked: boolean }[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(dir, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const bodies = new Map<string, ts.Node>();
  const exported = new Set<string>();
  const isExported = (node: ts.Node) => ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Export;
  source.forEachChild((node) => {
    if (ts.isFunctionDeclaration(node) && node.name && node.body) {
      bodies.set(node.name.text, node.body);
      if (isExported(node)) exported.add(node.name.text);
    }
    if (ts.isVariableStatement(node)) {
      for (const declaration of node.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
        const init = declaration.initializer;
        const fn = ts.isArrowFunction(init) || ts.isFunctionExpression(init) || ts.isCallExpression(init) ? init : null;
        if (!fn) continue;
        bodies.set(declaration.name.text, fn);
        if (isExported(node)) exported.add(declaration.name.text);
      }
    }
  });
  const calls = new Map<string, Set<string>>();
  for (const [name, body] of bodies) {
    const called = new Set<string>();
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) called.add(node.expression.text);
      if (ts.isIdentifier(node) && bodies.has(node.text)) called.add(node.text);
      node.forEachChild(visit);
    };
    visit(body);
    calls.set(name, called);
  }
  const checked = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, called] of calls) {
      if (checked.has(name)) continue;
      if ([...called].some((callee) => CHECKS.has(callee) || checked.has(callee))) {
        checked.add(name);
        changed = true;
      }
    }
  }
  return [...exported].filter((name) => bodies.has(name)).map((name) => ({ name, checked: checked.has(name) }));
}

describe('lib/dal/*.ts: every exported function checks the viewer', () => {
  const unchecked = files.flatMap((file) =>
    exportedFunctions(file)
      .filter((fn) => !fn.checked && !(`${file} ${fn.name}` in PUBLIC) && !(`${file} ${fn.name}` in BUILDING_BLOCKS))
      .map((fn) => `${file} ${fn.name}`),
  );

  it('or is public by design, with its reason above', () => {
    expect(unchecked).toEqual([]);
  });

  it('names only public functions that exist', () => {
    const all = new Set(files.flatMap((file) => exportedFunctions(file).map((fn) => `${file} ${fn.name}`)));
    expect([...Object.keys(PUBLIC), ...Object.keys(BUILDING_BLOCKS)].filter((key) => !all.has(key))).toEqual([]);
  });
});
